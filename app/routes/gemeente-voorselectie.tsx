import { Form, Link, data, href, redirect } from "react-router";
import type { Route } from "./+types/gemeente-voorselectie";
import { authorize } from "../features/auth/auth-routes.server";
import { can } from "../features/auth/permissions";
import { formatFigure } from "../features/scan/format";
import {
  computePreselection,
  focusAreasOf,
  listPreselections,
  savePreselection,
} from "../features/scan/focus.server";
import { scanMessages } from "../features/scan/scan.messages";
import { InternalNotice } from "../features/scan/scan-parts";
import { preselectionSchema } from "../features/scan/scan.schema";
import { indicatorsWithBuurtValues } from "../features/scan/scan.server";
import { AreaMap } from "../features/territory/area-map";
import { territoryMessages } from "../features/territory/territory.messages";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import {
  bboxOf,
  getGemeenteWithAreas,
  toFeatureCollection,
} from "../features/territory/territory.server";
import { env } from "../shared/env.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { FocusAreaList } from "../features/scan/focus-area-list";
import { PlainTextField } from "../shared/ui/form";

// The preselection: buurten in the worst N on at least K indicators, on a map and in a table.
// Internal (scan.view). Staff save it so partners can review it (gemeente-voorselectie-review).

export const meta: Route.MetaFunction = () => [
  { title: "Voorselectie | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

/** The starting question: the themes of the Heemstede analysis that have figures per buurt. */
const DEFAULT_QUESTION = {
  cijfer: [
    "rivm_ernstig_eenzaam_65plus_pct",
    "rivm_moeite_met_rondkomen_18plus_pct",
    "rivm_langdurige_aandoening_18plus_pct",
    "rivm_mantelzorger_18plus_pct",
  ],
  n: "3",
  k: "2",
};

const SELECTED_COLOUR = "#a63603";
const OTHER_COLOUR = "#fdd0a2";

async function gemeenteOf(code: string) {
  const parsed = gemeenteCodeParam.safeParse(code);
  const found = parsed.success ? await getGemeenteWithAreas(parsed.data) : null;
  if (!found) throw data(null, { status: 404 });
  return found;
}

function questionFrom(params: URLSearchParams | FormData) {
  return {
    cijfer: params.getAll("cijfer").map(String),
    n: String(params.get("n") ?? ""),
    k: String(params.get("k") ?? ""),
  };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await gemeenteOf(params.code);
  const gemeenteCode = found.gemeente.code;
  const user = await authorize(request, "scan.view", { kind: "gemeente", gemeenteCode });
  const search = new URL(request.url).searchParams;
  const asked = search.has("n") ? questionFrom(search) : DEFAULT_QUESTION;
  const parsed = preselectionSchema.safeParse(asked);
  const [indicators, saved, focusAreas] = await Promise.all([
    indicatorsWithBuurtValues(gemeenteCode),
    listPreselections(gemeenteCode),
    focusAreasOf(gemeenteCode),
  ]);
  const result = parsed.success
    ? await computePreselection(gemeenteCode, {
        indicatorKeys: parsed.data.cijfer,
        worstN: parsed.data.n,
        minHits: parsed.data.k,
      })
    : null;
  const selectedCodes = new Set(result?.selected.map((s) => s.code) ?? []);
  const buurten = found.wijken.flatMap((w) => w.buurten);
  return {
    gemeente: { code: gemeenteCode, name: found.gemeente.name },
    indicators,
    question: asked,
    errors: parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ""), i.message])),
    result,
    map: result && {
      areas: {
        type: "FeatureCollection" as const,
        features: toFeatureCollection(buurten).features.map((f) => ({
          ...f,
          properties: {
            code: String(f.properties?.code),
            name: String(f.properties?.name ?? ""),
            colour: selectedCodes.has(String(f.properties?.code)) ? SELECTED_COLOUR : OTHER_COLOUR,
          },
        })),
      },
      bbox: bboxOf(found.gemeente),
    },
    saved: saved.map((p) => ({
      id: p.id,
      createdAt: p.createdAt.toISOString(),
      worstN: p.worstN,
      minHits: p.minHits,
      count: p.buurtCodes.length,
      comments: p._count.comments,
    })),
    focusAreas: focusAreas.map((a) => ({ ...a, designatedOn: a.designatedOn.toISOString() })),
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
    canSave: can(user, "scan.manage", { kind: "gemeente", gemeenteCode }),
    canStart: can(user, "agenda.start", { kind: "gemeente", gemeenteCode }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const found = await gemeenteOf(params.code);
  const gemeenteCode = found.gemeente.code;
  const user = await authorize(request, "scan.manage", { kind: "gemeente", gemeenteCode });
  const parsed = preselectionSchema.safeParse(questionFrom(await request.formData()));
  // The form carries the question the page just showed; a broken one is a tampered request.
  if (!parsed.success) throw data(null, { status: 400 });
  const id = await savePreselection(user!.id, gemeenteCode, {
    indicatorKeys: parsed.data.cijfer,
    worstN: parsed.data.n,
    minHits: parsed.data.k,
  });
  return redirect(
    `${href("/gemeente/:code/voorselectie/:id", { code: gemeenteCode, id })}?opgeslagen=1`,
  );
}

export default function Preselection({ loaderData }: Route.ComponentProps) {
  const t = useText(scanMessages);
  const tt = useText(territoryMessages);
  const locale = useLocale();
  const { gemeente, question, errors, result } = loaderData;
  const label = (i: { labelNl: string; labelEn: string }) =>
    locale === "nl" ? i.labelNl : i.labelEn;
  const chosen = new Set(question.cijfer);
  const valueOf = (code: string, key: string) =>
    result?.values.find((v) => v.areaCode === code && v.indicatorKey === key)?.value;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/cijfers", { code: gemeente.code })}>
          {t("figuresTitle", { name: gemeente.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("preselectionTitle", { name: gemeente.name })}</h1>
      <InternalNotice />
      <p className="utrecht-paragraph">{t("preselectionIntro")}</p>
      <Form method="get" className="form">
        <fieldset
          className={`form-field checkbox-group${errors.cijfer ? " form-field--invalid" : ""}`}
          aria-describedby={errors.cijfer ? "cijfer-fout" : "cijfer-uitleg"}
        >
          <legend>{t("preselectionIndicators")}</legend>
          <p id="cijfer-uitleg" className="form-field__description">
            {t("preselectionIndicatorsHelp")}
          </p>
          {errors.cijfer ? (
            <p id="cijfer-fout" className="form-field__error">
              {t(errors.cijfer)}
            </p>
          ) : null}
          <div className="checkbox-group__options">
            {loaderData.indicators.map((i) => (
              <label key={i.key} className="checkbox">
                <input
                  type="checkbox"
                  name="cijfer"
                  value={i.key}
                  defaultChecked={chosen.has(i.key)}
                />{" "}
                {label(i)} ({i.year})
              </label>
            ))}
          </div>
        </fieldset>
        <div className="inline-fields">
          <PlainTextField
            name="n"
            label={t("worstN")}
            defaultValue={question.n}
            error={errors.n && t(errors.n)}
            inputMode="numeric"
            size={4}
          />
          <PlainTextField
            name="k"
            label={t("minHits")}
            defaultValue={question.k}
            error={errors.k && t(errors.k)}
            inputMode="numeric"
            size={4}
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t("preselectionShow")}
          </button>
        </div>
      </Form>

      {result ? (
        <section aria-labelledby="uitkomst" className="stack">
          <h2 className="utrecht-heading-2" id="uitkomst">
            {result.selected.length
              ? t("preselectionResult", {
                  count: result.selected.length,
                  n: question.n,
                  k: question.k,
                  total: result.indicators.length,
                })
              : t("preselectionNone", { n: question.n, k: question.k })}
          </h2>
          {loaderData.map ? (
            <AreaMap
              areas={loaderData.map.areas}
              bbox={loaderData.map.bbox}
              coloured
              label={tt("mapLabel", { name: gemeente.name })}
              caption={t("preselectionMapCaption")}
              unavailableText={tt("mapUnavailable")}
              loadingText={tt("mapLoading")}
              baseStyleUrl={loaderData.baseStyleUrl}
            />
          ) : null}
          {result.selected.length ? (
            <table className="data-table">
              <caption>{t("preselectionCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("buurt")}</th>
                  <th scope="col">{t("hits")}</th>
                  {result.indicators.map((i) => (
                    <th scope="col" key={i.key}>
                      {label(i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.selected.map((b) => (
                  <tr key={b.code}>
                    <th scope="row">{b.name}</th>
                    <td>{b.hits.length}</td>
                    {result.indicators.map((i) => {
                      const hit = b.hits.find((h) => h.indicatorKey === i.key);
                      const value = valueOf(b.code, i.key);
                      return (
                        <td key={i.key}>
                          {hit && value !== undefined ? (
                            <strong>
                              {t("rankValue", {
                                rank: hit.rank,
                                value: formatFigure(value, i.unit, locale),
                              })}
                            </strong>
                          ) : value !== undefined ? (
                            formatFigure(value, i.unit, locale)
                          ) : (
                            "—"
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {loaderData.canSave && result.selected.length ? (
            <Form method="post" className="form">
              {question.cijfer.map((key) => (
                <input key={key} type="hidden" name="cijfer" value={key} />
              ))}
              <input type="hidden" name="n" value={question.n} />
              <input type="hidden" name="k" value={question.k} />
              <p className="utrecht-paragraph">{t("preselectionSaveHelp")}</p>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t("preselectionSave")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="opgeslagen">
        <h2 className="utrecht-heading-2" id="opgeslagen">
          {t("preselectionsTitle")}
        </h2>
        {loaderData.saved.length === 0 ? (
          <p className="utrecht-paragraph">{t("preselectionsNone")}</p>
        ) : (
          <ul>
            {loaderData.saved.map((p) => (
              <li key={p.id}>
                <Link
                  to={href("/gemeente/:code/voorselectie/:id", { code: gemeente.code, id: p.id })}
                >
                  {t("preselectionItem", {
                    date: formatDate(p.createdAt, locale),
                    count: p.count,
                    n: p.worstN,
                    k: p.minHits,
                    comments: p.comments,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FocusAreaList
        gemeenteCode={gemeente.code}
        areas={loaderData.focusAreas}
        canStart={loaderData.canStart}
      />
    </div>
  );
}
