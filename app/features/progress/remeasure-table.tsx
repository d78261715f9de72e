import { Fragment } from "react";
import type { Remeasure } from "./remeasure";
import { remeasureCells } from "./remeasure-text";
import { useLocale, useText } from "../../shared/i18n/i18n";
import { remeasureMessages } from "./remeasure.messages";
import type { RemeasuredIndicator } from "./remeasure.server";

/** Then and now of an agreement's indicators: a table, so it reads the same without sight. */
export function RemeasureTable({
  rows,
  caption,
}: {
  rows: RemeasuredIndicator[];
  caption?: string;
}) {
  const t = useText(remeasureMessages);
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption ?? t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("then")}</th>
            <th scope="col">{t("now")}</th>
            <th scope="col">{t("change")}</th>
            <th scope="col">{t("verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ indicatorKey, labelNl, labelEn, unit, result, buurten }) => {
            const label = locale === "nl" ? labelNl : labelEn;
            return (
              <Fragment key={indicatorKey}>
                <tr>
                  <th scope="row">{label}</th>
                  <Cells result={result} unit={unit} />
                </tr>
                {buurten.map((b) => (
                  <tr key={b.code} className="data-table__sub-row">
                    <th scope="row">{t("perBuurt", { indicator: label, buurt: b.name })}</th>
                    <Cells result={b.result} unit={unit} />
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cells({ result, unit }: { result: Remeasure; unit: string }) {
  const locale = useLocale();
  return (
    <>
      {remeasureCells(result, unit, locale).map((text, i) => (
        <td key={i}>{text}</td>
      ))}
    </>
  );
}
