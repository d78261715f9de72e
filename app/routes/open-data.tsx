import { href } from "react-router";
import type { Route } from "./+types/open-data";
import { authorize } from "../features/auth/auth-routes.server";
import {
  DATASETS,
  FORMATS,
  LICENCE,
  MAX_AGE_SECONDS,
  MAX_PER_PAGE,
  PER_PAGE,
  PROGRESS_FIELDS,
  SCHEMA,
  type Field,
} from "../features/opendata/opendata";
import { openDataMessages } from "../features/opendata/opendata.messages";
import { useText } from "../shared/i18n/i18n";
import { publicPageHeaders } from "../shared/page-cache";

// The open-data page: which files there are, their fields, the licence, pagination and caching
// (docs/open-data.md says the same for developers).

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = () => [{ title: "Open data | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  await authorize(request, "published.view", { kind: "installation" });
  return {
    datasets: DATASETS.map((dataset) => ({
      dataset,
      formats: [...FORMATS[dataset]],
      fields: SCHEMA[dataset] as readonly Field[],
    })),
    progressFields: PROGRESS_FIELDS as readonly Field[],
    perPage: PER_PAGE,
    maxPerPage: MAX_PER_PAGE,
    maxAgeMinutes: MAX_AGE_SECONDS / 60,
    licence: LICENCE,
  };
}

function FieldTable({
  caption,
  prefix,
  fields,
}: {
  caption: string;
  prefix: string;
  fields: readonly Field[];
}) {
  const t = useText(openDataMessages);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("type")}</th>
            <th scope="col">{t("meaning")}</th>
            <th scope="col">{t("onlyIn")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row">
                <code>{field.name}</code>
              </th>
              <td>
                {t(`type_${field.type}`)}
                {field.optional ? ` ${t("optional")}` : ""}
              </td>
              <td>{t(`field_${prefix}_${field.name}`)}</td>
              <td>{field.only ? t(`only_${field.only}`) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function OpenData({ loaderData }: Route.ComponentProps) {
  const t = useText(openDataMessages);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <h2 className="utrecht-heading-2">{t("datasetsTitle")}</h2>
      {loaderData.datasets.map(({ dataset, formats, fields }) => (
        <section key={dataset} className="stack" aria-labelledby={dataset}>
          <h3 className="utrecht-heading-3" id={dataset}>
            {t(`dataset_${dataset}`)}
          </h3>
          <p className="utrecht-paragraph">{t(`datasetIntro_${dataset}`)}</p>
          <p className="utrecht-paragraph">
            {t("formats")}{" "}
            {formats.map((format, i) => (
              <span key={format}>
                {i > 0 ? " · " : ""}
                <a href={href("/open-data/:bestand", { bestand: `${dataset}.${format}` })}>
                  {`${dataset}.${format}`}
                </a>
              </span>
            ))}
          </p>
          {dataset === "buurtagendas" ? (
            <p className="utrecht-paragraph">{t("oneAgenda")}</p>
          ) : null}
          {dataset === "verhalen" ? <p className="utrecht-paragraph">{t("demo")}</p> : null}
          <FieldTable
            caption={t("fieldsCaption", { dataset: t(`dataset_${dataset}`) })}
            prefix={dataset}
            fields={fields}
          />
          {dataset === "afspraken" ? (
            <FieldTable
              caption={t("progressCaption")}
              prefix="progress"
              fields={loaderData.progressFields}
            />
          ) : null}
        </section>
      ))}
      <section className="stack" aria-labelledby="gebruik">
        <h2 className="utrecht-heading-2" id="gebruik">
          {t("useTitle")}
        </h2>
        <ul className="utrecht-unordered-list">
          <li>{t("useFilter")}</li>
          <li>{t("usePages", { per: loaderData.perPage, max: loaderData.maxPerPage })}</li>
          <li>{t("usePageLinks")}</li>
          <li>{t("useCache", { minutes: loaderData.maxAgeMinutes })}</li>
          <li>{t("useCsv")}</li>
          <li>{t("useErrors")}</li>
        </ul>
      </section>
      <section className="stack" aria-labelledby="licentie">
        <h2 className="utrecht-heading-2" id="licentie">
          {t("licenceTitle")}
        </h2>
        <p className="utrecht-paragraph">
          {t("licence", { licence: loaderData.licence.name })}{" "}
          <a href={loaderData.licence.url} rel="license">
            {loaderData.licence.name}
          </a>
        </p>
        <p className="utrecht-paragraph">{t("licenceCbs")}</p>
      </section>
      <section className="stack" aria-labelledby="nooit">
        <h2 className="utrecht-heading-2" id="nooit">
          {t("neverTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("never")}</p>
        <p className="utrecht-paragraph">{t("neverWhy")}</p>
      </section>
    </div>
  );
}
