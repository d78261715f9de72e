import { Link, href } from "react-router";
import { formatDate, useLocale, useText } from "../../shared/i18n/i18n";
import { scanMessages } from "./scan.messages";

/** The designated focus areas of a gemeente, each with a way to start its buurtagenda. */
export function FocusAreaList({
  gemeenteCode,
  areas,
  canStart,
}: {
  gemeenteCode: string;
  areas: {
    id: string;
    name: string;
    buurten: { code: string; name: string }[];
    reason: string;
    designatedOn: string;
    designatedBy: string;
  }[];
  canStart: boolean;
}) {
  const t = useText(scanMessages);
  const locale = useLocale();
  return (
    <section className="section" aria-labelledby="aandachtsgebieden">
      <h2 className="utrecht-heading-2" id="aandachtsgebieden">
        {t("focusAreasTitle")}
      </h2>
      {areas.length === 0 ? (
        <p className="utrecht-paragraph">{t("focusAreasNone")}</p>
      ) : (
        <ul className="initiative-list">
          {areas.map((area) => (
            <li key={area.id}>
              <p className="utrecht-paragraph">
                <span className="focus-label">{area.name}</span>:{" "}
                {area.buurten.map((b) => b.name).join(", ")}
              </p>
              <p className="utrecht-paragraph">{area.reason}</p>
              <p className="source-note">
                {t("focusAreaItem", {
                  date: formatDate(area.designatedOn, locale),
                  name: area.designatedBy,
                })}
              </p>
              {canStart ? (
                <p className="utrecht-paragraph">
                  <Link
                    to={`${href("/gemeente/:code/buurtagenda-starten", { code: gemeenteCode })}?aandachtsgebied=${area.id}`}
                  >
                    {t("focusStartAgenda", { name: area.name })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
