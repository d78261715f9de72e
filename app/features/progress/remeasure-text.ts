import { translate, type Locale } from "../../shared/i18n/i18n";
import { formatFigure } from "../scan/format";
import type { Remeasure } from "./remeasure";
import { remeasureMessages } from "./remeasure.messages";

// The then, now, change and direction cells of one indicator, as text: the page's table and the
// council report's PDF say the same words.

export function remeasureCells(
  result: Remeasure,
  unit: string,
  locale: Locale,
): [then: string, now: string, change: string, verdict: string] {
  const t = (key: keyof typeof remeasureMessages.nl, vars?: Record<string, string | number>) =>
    translate(remeasureMessages, locale, key, vars);
  const figure = (value: number) => formatFigure(value, unit, locale);
  const then =
    result.state === "no-figure-then"
      ? t("state_no-figure-then")
      : t("yearValue", { value: figure(result.then), year: result.thenYear });
  if (result.state !== "compared") {
    const now =
      result.state === "no-figure-now"
        ? t("state_no-figure-now", { year: result.nowYear })
        : result.state === "no-newer"
          ? t("state_no-newer")
          : "—";
    return [then, now, "—", "—"];
  }
  const sign = result.change > 0 ? "+" : result.change < 0 ? "−" : "";
  return [
    then,
    t("yearValue", { value: figure(result.now), year: result.nowYear }),
    `${sign}${figure(Math.abs(result.change))}`,
    t(`verdict_${result.verdict}`),
  ];
}
