import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href } from "react-router";
import type { Route } from "./+types/gemeente-cijfers";
import { authorize } from "../features/auth/auth-routes.server";
import { scanMessages } from "../features/scan/scan.messages";
import { AnnotationForm } from "../features/scan/annotation-form";
import { FigureAnnotations, InternalNotice } from "../features/scan/scan-parts";
import { formatFigure } from "../features/scan/format";
import { annotationSchema } from "../features/scan/scan.schema";
import {
  annotateFigure,
  annotationsFor,
  indicatorsWithBuurtValues,
  rankingFor,
} from "../features/scan/scan.server";
import { can } from "../features/auth/permissions";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import { getGemeenteWithAreas } from "../features/territory/territory.server";
import { env } from "../shared/env.server";
import { useLocale, useText } from "../shared/i18n/i18n";
import { AreaMap } from "../features/territory/area-map";
import { territoryMessages } from "../features/territory/territory.messages";

// The ranglijst: every buurt of a gemeente on one indicator. Internal (scan.view): rankings and
// focus labels never appear on public pages (DOMAIN.md §6).

export const meta: Route.MetaFunction = () => [
  { title: "Cijfers | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

const PREFERRED_INDICATOR = "rivm_ernstig_eenzaam_65plus_pct";

export async function loader({ request, params }: Route.LoaderArgs) {
  const code = gemeenteCodeParam.safeParse(params.code);
  const found = code.success ? await getGemeenteWithAreas(code.data) : null;
  if (!found) throw data(null, { status: 404 });
  const gemeenteCode = found.gemeente.code;
  const user = await authorize(request, "scan.view", { kind: "gemeente", gemeenteCode });
  const indicators = await indicatorsWithBuurtValues(gemeenteCode);
  const asked = new URL(request.url).searchParams.get("cijfer");
  const chosen =
    indicators.find((i) => i.key === asked)?.key ??
    indicators.find((i) => i.key === PREFERRED_INDICATOR)?.key ??
    indicators[0]?.key;
  const [ranking, annotations] = chosen
    ? await Promise.all([rankingFor(gemeenteCode, chosen), annotationsFor(gemeenteCode, [chosen])])
    : [null, []];
  return {
    gemeente: { code: gemeenteCode, name: found.gemeente.name },
    indicators,
    chosen: chosen ?? null,
    ranking: ranking && {
      labelNl: ranking.indicator.labelNl,
      labelEn: ranking.indicator.labelEn,
      unit: ranking.indicator.unit,
      direction: ranking.indicator.direction,
      year: ranking.year,
      ranked: ranking.ranked,
      withoutValue: ranking.withoutValue,
      gemeenteValue: ranking.gemeenteValue,
      nationalValue: ranking.nationalValue,
      // The catalogue's source, and the label the figures came with (a gemeente's own register).
      source: [...new Set([ranking.indicator.source, ranking.source].filter(Boolean))].join("; "),
      map: ranking.map && {
        areas: { type: "FeatureCollection" as const, features: ranking.map.areas },
        bbox: ranking.map.bbox,
        legend: ranking.map.legend,
        noValueColour: ranking.map.noValueColour,
      },
    },
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
    annotations,
    canAnnotate: can(user, "scan.manage", { kind: "gemeente", gemeenteCode }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const code = gemeenteCodeParam.safeParse(params.code);
  if (!code.success) throw data(null, { status: 404 });
  const user = await authorize(request, "scan.manage", {
    kind: "gemeente",
    gemeenteCode: code.data,
  });
  const submission = parseWithZod(await request.formData(), { schema: annotationSchema });
  if (submission.status !== "success") return { result: submission.reply(), saved: false };
  const added = await annotateFigure(user!.id, code.data, submission.value);
  if (added !== "added") {
    return {
      result: submission.reply({ fieldErrors: { areaCode: ["annotationArea"] } }),
      saved: false,
    };
  }
  return { result: submission.reply({ resetForm: true }), saved: true };
}

export default function Figures({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(scanMessages);
  const tt = useText(territoryMessages);
  const locale = useLocale();
  const { gemeente, ranking } = loaderData;
  const number = (value: number) => formatFigure(value, ranking?.unit ?? "count", locale);
  const label = (i: { labelNl: string; labelEn: string }) =>
    locale === "nl" ? i.labelNl : i.labelEn;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code", { code: gemeente.code })}>{gemeente.name}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("figuresTitle", { name: gemeente.name })}</h1>
      <InternalNotice />
      <p className="utrecht-paragraph">{t("figuresIntro")}</p>
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/voorselectie", { code: gemeente.code })}>
          {t("preselectionLink")}
        </Link>
      </p>
      <Form method="get" className="form inline-fields">
        <div className="form-field">
          <label htmlFor="cijfer">{t("indicator")}</label>
          <select
            id="cijfer"
            name="cijfer"
            defaultValue={loaderData.chosen ?? ""}
            className="utrecht-select utrecht-select--html-select"
          >
            {loaderData.indicators.map((i) => (
              <option key={i.key} value={i.key}>
                {label(i)} ({i.year})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("show")}
        </button>
      </Form>
      {!ranking || ranking.ranked.length === 0 ? (
        <p className="utrecht-paragraph">{t("noValues")}</p>
      ) : (
        <>
          {ranking.map ? (
            <>
              <AreaMap
                areas={ranking.map.areas}
                bbox={ranking.map.bbox}
                coloured
                label={tt("mapLabel", { name: gemeente.name })}
                caption={t("mapCaption", { indicator: label(ranking) })}
                unavailableText={tt("mapUnavailable")}
                loadingText={tt("mapLoading")}
                baseStyleUrl={loaderData.baseStyleUrl}
              />
              <h2 className="utrecht-heading-3" id="legenda">
                {t("legend")}
              </h2>
              <ul className="legend" aria-labelledby="legenda">
                {ranking.map.legend.map((entry) => (
                  <li key={entry.colour}>
                    <span
                      className="legend__swatch"
                      style={{ background: entry.colour }}
                      aria-hidden="true"
                    />
                    {entry.from === entry.to
                      ? number(entry.from)
                      : `${number(entry.from)} – ${number(entry.to)}`}
                  </li>
                ))}
                <li>
                  <span
                    className="legend__swatch"
                    style={{ background: ranking.map.noValueColour }}
                    aria-hidden="true"
                  />
                  {t("legendNoValue")}
                </li>
              </ul>
            </>
          ) : null}
          <table className="data-table">
            <caption>
              {t("rankingCaption", {
                indicator: label(ranking),
                year: ranking.year ?? "",
                direction: t(`direction_${ranking.direction}`),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("rank")}</th>
                <th scope="col">{t("buurt")}</th>
                <th scope="col">{t("value")}</th>
                <th scope="col">{t("annotations")}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranked.map((row) => (
                <tr key={row.code}>
                  <td>{row.rank}</td>
                  <th scope="row">
                    <Link to={href("/buurt/:code", { code: row.code })}>{row.name}</Link>
                  </th>
                  <td>{number(row.value)}</td>
                  <td>
                    <FigureAnnotations annotations={loaderData.annotations} areaCode={row.code} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <th scope="row">{t("gemeenteValue")}</th>
                <td>{ranking.gemeenteValue === null ? "—" : number(ranking.gemeenteValue)}</td>
              </tr>
              <tr>
                <td />
                <th scope="row">{t("nationalValue")}</th>
                <td>{ranking.nationalValue === null ? "—" : number(ranking.nationalValue)}</td>
              </tr>
            </tfoot>
          </table>
          {ranking.nationalValue === null ? (
            <p className="utrecht-paragraph">{t("noNational")}</p>
          ) : null}
          {ranking.gemeenteValue === null ? (
            <p className="utrecht-paragraph">{t("noGemeente")}</p>
          ) : null}
          {ranking.withoutValue.length ? (
            <p className="utrecht-paragraph">
              {t("withoutValue", { names: ranking.withoutValue.join(", ") })}
            </p>
          ) : null}
          <p className="source-note">{t("source", { source: ranking.source })}</p>
          {loaderData.canAnnotate ? (
            <AnnotationForm
              intro={t("annotateIntro")}
              buurten={ranking.ranked.map((r) => ({ code: r.code, name: r.name }))}
              indicator={{ fixed: loaderData.chosen! }}
              lastResult={actionData?.result}
              saved={Boolean(actionData?.saved)}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
