import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-thema-matrix";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { resetThresholds, saveThresholds, themeMatrixOf } from "../features/linking/linking.server";
import { thresholdsSchema } from "../features/linking/linking.schema";
import { linkingMessages } from "../features/linking/linking.messages";
import { KIND_COLOURS, MatrixChart } from "../features/linking/matrix-chart";
import { InternalNotice } from "../features/scan/scan-parts";
import { buurtNames } from "../features/territory/territory.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { StatusMessage, SubmitButton, TextField } from "../shared/ui/form";

// Block 5 for one buurtagenda: the theme matrix, counting next to telling. Internal (scan.view:
// staff, platform, council), because it shows how the area's buurten rank; only staff
// (scan.manage) change the thresholds.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Tellen en vertellen: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

const percent = (share: number) => Math.round(share * 100);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "scan.view");
  const [matrix, names, details] = await Promise.all([
    themeMatrixOf(resource),
    buurtNames(resource.buurtCodes),
    getAgendaDetails(resource.agendaId),
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    scan: matrix.scan && {
      number: matrix.scan.number,
      frozenAt: matrix.scan.frozenAt.toISOString(),
    },
    storyTotal: matrix.storyTotal,
    thresholds: matrix.thresholds,
    canManage: permissionsOn(user, resource, ["scan.manage"])["scan.manage"],
    rows: matrix.rows.map((row, index) => {
      const theme = matrix.themes.find((t) => t.key === row.theme)!;
      return {
        number: index + 1,
        key: row.theme,
        labelNl: theme.labelNl,
        labelEn: theme.labelEn,
        kind: row.kind,
        statisticalScore: row.statisticalScore === null ? null : percent(row.statisticalScore),
        storyCount: row.storyCount,
        storySharePercent: percent(row.storyShare),
        storyShare: row.storyShare,
        figures: row.statisticalScore,
        indicators: row.indicators.map((score) => {
          const indicator = matrix.indicators.get(score.key)!;
          return {
            key: score.key,
            labelNl: indicator.labelNl,
            labelEn: indicator.labelEn,
            score: score.score === null ? null : percent(score.score),
            ranks: score.ranks.map((r) => ({ ...r, buurt: names.get(r.code) ?? r.code })),
          };
        }),
        topStories: (matrix.topStories.get(row.theme) ?? []).map((s) => ({
          id: s.id,
          title: s.title,
          text: s.text,
          recognised: s.recognised,
        })),
      };
    }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "scan.manage");
  const form = await request.formData();
  if (form.get("intent") === "reset") {
    await resetThresholds(user.id, resource.agendaId);
    return { done: "thresholdsReset" as const };
  }
  const submission = parseWithZod(form, { schema: thresholdsSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  await saveThresholds(user.id, resource.agendaId, submission.value);
  return { done: "thresholdsSaved" as const };
}

export default function ThemeMatrix({ loaderData, actionData }: Route.ComponentProps) {
  const { agenda, thresholds, scan } = loaderData;
  const t = useText(linkingMessages, {
    statistical: percent(thresholds.statistical),
    storyShare: percent(thresholds.storyShare),
    minStories: thresholds.minStories,
  });
  const locale = useLocale();
  const label = (row: { labelNl: string; labelEn: string }) =>
    locale === "nl" ? row.labelNl : row.labelEn;
  const notable = loaderData.rows.filter((r) => r.kind !== "quiet");
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>{agenda.title}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("matrixTitle", { title: agenda.title })}</h1>
      <InternalNotice />
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/opgaven", { id: agenda.id })}>{t("findingsLink")}</Link>
      </p>
      <p className="utrecht-paragraph">{t("matrixIntro")}</p>
      {scan ? (
        <p className="source-note">
          {t("scanUsed", {
            number: scan.number,
            date: formatDate(scan.frozenAt, locale),
            count: loaderData.storyTotal,
          })}
        </p>
      ) : (
        <div className="utrecht-alert utrecht-alert--info" role="status">
          <p className="utrecht-paragraph">{t("noScan")}</p>
          <p className="utrecht-paragraph">
            <Link to={href("/buurtagenda/:id/buurtscan", { id: agenda.id })}>{t("scanLink")}</Link>
          </p>
        </div>
      )}
      <details>
        <summary>{t("ruleTitle")}</summary>
        <p className="utrecht-paragraph">{t("ruleFigures")}</p>
        <p className="utrecht-paragraph">{t("ruleStories")}</p>
        <p className="utrecht-paragraph">{t("ruleKinds")}</p>
      </details>

      <section className="section stack" aria-labelledby="in-een-oogopslag">
        <h2 className="utrecht-heading-2" id="in-een-oogopslag">
          {t("chartTitle")}
        </h2>
        <div className="matrix-layout">
          <MatrixChart
            points={loaderData.rows.map((r) => ({
              number: r.number,
              label: `${r.number}. ${label(r)}: ${t(`kind_${r.kind}`)}`,
              figures: r.figures,
              stories: r.storyShare,
              kind: r.kind,
            }))}
            thresholds={thresholds}
            label={t("chartLabel")}
            axis={{
              figures: t("axisFigures"),
              stories: t("axisStories"),
              noFigure: t("axisNoFigure"),
            }}
          />
          <ul className="matrix-legend">
            {(["confirmed", "felt", "hidden", "quiet"] as const).map((kind) => (
              <li key={kind}>
                <span
                  className="matrix-legend__swatch"
                  style={{ background: KIND_COLOURS[kind] }}
                  aria-hidden="true"
                />
                <strong>{t(`kind_${kind}`)}</strong>: {t(`kindHelp_${kind}`)}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="section stack" aria-labelledby="alle-onderwerpen">
        <h2 className="utrecht-heading-2" id="alle-onderwerpen">
          {t("tableTitle")}
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("theme")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("figures")}</th>
              <th scope="col">{t("stories")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.rows.map((row) => (
              <tr key={row.key}>
                <td>{row.number}</td>
                <th scope="row">{label(row)}</th>
                <td>
                  <span className={`kind-badge kind-badge--${row.kind}`}>
                    {t(`kind_${row.kind}`)}
                  </span>
                </td>
                <td>{row.statisticalScore === null ? t("noFigure") : row.statisticalScore}</td>
                <td>
                  {t("storiesValue", { count: row.storyCount, share: row.storySharePercent })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {notable.length ? (
        <section className="section stack" aria-labelledby="per-onderwerp">
          <h2 className="utrecht-heading-2" id="per-onderwerp">
            {t("detailsTitle")}
          </h2>
          {notable.map((row) => (
            <article key={row.key} className="stack" aria-labelledby={`onderwerp-${row.key}`}>
              <h3 className="utrecht-heading-3" id={`onderwerp-${row.key}`}>
                {label(row)}: {t(`kind_${row.kind}`)}
              </h3>
              <div className="side-by-side">
                <div>
                  <h4 className="utrecht-heading-4">{t("figures")}</h4>
                  {row.indicators.length === 0 ? (
                    <p className="utrecht-paragraph">{t("noIndicators")}</p>
                  ) : (
                    <ul className="utrecht-unordered-list">
                      {row.indicators.map((indicator) => (
                        <li key={indicator.key}>
                          {t("indicatorRanks", {
                            label: label(indicator),
                            score: indicator.score ?? t("noFigure"),
                            ranks: indicator.ranks
                              .map((r) => t("rankOf", { buurt: r.buurt, rank: r.rank, of: r.of }))
                              .join(", "),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div>
                  <h4 className="utrecht-heading-4">{t("topStories")}</h4>
                  {row.topStories.length === 0 ? (
                    <p className="utrecht-paragraph">{t("noStories")}</p>
                  ) : (
                    <ul className="story-list">
                      {row.topStories.map((story) => (
                        <li key={story.id}>
                          {story.title ? <strong>{story.title}</strong> : null}
                          <p className="utrecht-paragraph story-text">{story.text}</p>
                          <p className="source-note">
                            {t("recognisedCount", { count: story.recognised })}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </article>
          ))}
        </section>
      ) : null}

      {loaderData.canManage ? (
        <ThresholdsForm
          thresholds={thresholds}
          lastResult={actionData && "result" in actionData ? actionData.result : undefined}
          done={actionData && "done" in actionData ? actionData.done : undefined}
        />
      ) : null}
    </div>
  );
}

function ThresholdsForm({
  thresholds,
  lastResult,
  done,
}: {
  thresholds: { statistical: number; storyShare: number; minStories: number; custom: boolean };
  lastResult: SubmissionResult<string[]> | undefined;
  done: "thresholdsSaved" | "thresholdsReset" | undefined;
}) {
  const t = useText(linkingMessages);
  const [form, fields] = useForm<z.input<typeof thresholdsSchema>>({
    id: "drempels",
    lastResult,
    defaultValue: {
      statistical: String(percent(thresholds.statistical)),
      storyShare: String(percent(thresholds.storyShare)),
      minStories: String(thresholds.minStories),
    },
  });
  return (
    <section className="section stack" aria-labelledby="drempels-kop">
      <h2 className="utrecht-heading-2" id="drempels-kop">
        {t("thresholdsTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("thresholdsIntro")}</p>
      {thresholds.custom ? <p className="utrecht-paragraph">{t("thresholdsCustom")}</p> : null}
      {done ? <StatusMessage>{t(done)}</StatusMessage> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="thresholds" />
        <TextField
          field={fields.statistical}
          label={t("statisticalThreshold")}
          inputMode="numeric"
          errors={fields.statistical.errors?.map(t)}
        />
        <TextField
          field={fields.storyShare}
          label={t("storyShareThreshold")}
          inputMode="numeric"
          errors={fields.storyShare.errors?.map(t)}
        />
        <TextField
          field={fields.minStories}
          label={t("minStories")}
          inputMode="numeric"
          errors={fields.minStories.errors?.map(t)}
        />
        <SubmitButton>{t("saveThresholds")}</SubmitButton>
      </Form>
      {thresholds.custom ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reset" />
          <SubmitButton variant="secondary">{t("resetThresholds")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
