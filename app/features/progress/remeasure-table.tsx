import { formatFigure } from "../scan/format";
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
  const figure = (value: number, unit: string) => formatFigure(value, unit, locale);
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
          {rows.map(({ indicatorKey, labelNl, labelEn, unit, result }) => (
            <tr key={indicatorKey}>
              <th scope="row">{locale === "nl" ? labelNl : labelEn}</th>
              <td>
                {result.state === "no-figure-then"
                  ? t("state_no-figure-then")
                  : t("yearValue", { value: figure(result.then, unit), year: result.thenYear })}
              </td>
              <td>
                {result.state === "compared"
                  ? t("yearValue", { value: figure(result.now, unit), year: result.nowYear })
                  : result.state === "no-figure-now"
                    ? t("state_no-figure-now", { year: result.nowYear })
                    : result.state === "no-newer"
                      ? t("state_no-newer")
                      : "—"}
              </td>
              <td>
                {result.state === "compared"
                  ? `${result.change > 0 ? "+" : result.change < 0 ? "−" : ""}${figure(Math.abs(result.change), unit)}`
                  : "—"}
              </td>
              <td>{result.state === "compared" ? t(`verdict_${result.verdict}`) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
