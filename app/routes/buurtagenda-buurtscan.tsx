import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-buurtscan";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import {
  chooseScanIndicators,
  freezeScan,
  getScanPage,
  startScan,
  type ScanCommandResult,
} from "../features/scan/buurtscan.server";
import type { AreaFigure } from "../features/scan/area-figure";
import { formatFigure } from "../features/scan/format";
import { DEFAULT_SCAN_INDICATORS } from "../features/scan/catalogue";
import { BarChart, type Bar } from "../features/scan/scan-chart";
import { scanMessages } from "../features/scan/scan.messages";
import { AnnotationForm } from "../features/scan/annotation-form";
import { FigureAnnotations, InternalNotice } from "../features/scan/scan-parts";
import {
  scanAnnotationSchema,
  scanIndicatorsSchema,
  scanNumberSchema,
} from "../features/scan/scan.schema";
import {
  annotateFigure,
  annotationsFor,
  indicatorsWithBuurtValues,
} from "../features/scan/scan.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { CheckboxGroup, FormAlert, StatusMessage, SubmitButton } from "../shared/ui/form";

// Block 2 for one buurtagenda: the buurtscan of its area. Internal (scan.view: staff, platform,
// council); only staff (scan.manage) choose indicators, annotate and freeze.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Buurtscan: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "scan.view");
  const asked = new URL(request.url).searchParams.get("scan");
  const number = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : null;
  const page = await getScanPage(resource.agendaId, number);
  if (number !== null && !page.scan) throw data(null, { status: 404 });
  const can = permissionsOn(user, resource, ["scan.manage"]);
  const [indicators, annotations] = await Promise.all([
    can["scan.manage"] ? indicatorsWithBuurtValues(resource.gemeenteCode) : [],
    page.scan
      ? annotationsFor(
          resource.gemeenteCode,
          page.scan.indicatorKeys,
          page.areaBuurten.map((b) => b.code),
        )
      : [],
  ]);
  return {
    ...page,
    scan: page.scan && {
      ...page.scan,
      frozenAt: page.scan.frozenAt?.toISOString() ?? null,
    },
    scans: page.scans.map((s) => ({
      number: s.number,
      frozenAt: s.frozenAt?.toISOString() ?? null,
    })),
    indicators,
    annotations,
    can,
  };
}

type ActionResult = {
  intent: "start" | "indicators" | "freeze" | "annotate";
  result?: SubmissionResult<string[]>;
  error?: string;
  saved: boolean;
};

const REFUSALS: Record<Exclude<ScanCommandResult, { ok: true }>["reason"], string> = {
  "draft-exists": "draftExists",
  "unknown-indicator": "unknownIndicator",
  "not-draft": "notDraft",
  "unknown-scan": "notDraft",
};

export async function action({ request, params }: Route.ActionArgs): Promise<ActionResult> {
  const { user, resource } = await agendaForChange(request, params.id, "scan.manage");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "start" || intent === "indicators") {
    const submission = parseWithZod(form, { schema: scanIndicatorsSchema });
    if (submission.status !== "success") {
      return { intent, result: submission.reply(), saved: false };
    }
    const scanNumber = Number(form.get("scan"));
    const outcome =
      intent === "start"
        ? await startScan(user.id, resource.agendaId, submission.value.indicator)
        : await chooseScanIndicators(
            user.id,
            resource.agendaId,
            scanNumber,
            submission.value.indicator,
          );
    if (!outcome.ok) {
      return {
        intent,
        result: submission.reply({ formErrors: [REFUSALS[outcome.reason]] }),
        saved: false,
      };
    }
    return { intent, result: submission.reply(), saved: true };
  }
  if (intent === "freeze") {
    const submission = parseWithZod(form, { schema: scanNumberSchema });
    if (submission.status !== "success") throw data(null, { status: 400 });
    const outcome = await freezeScan(user.id, resource.agendaId, submission.value.scan);
    return outcome.ok
      ? { intent, saved: true }
      : { intent, error: REFUSALS[outcome.reason], saved: false };
  }
  if (intent === "annotate") {
    const submission = parseWithZod(form, { schema: scanAnnotationSchema });
    if (submission.status !== "success") {
      return { intent, result: submission.reply(), saved: false };
    }
    // Only buurten of this agenda's area are offered; anything else is refused like a bad field.
    if (!resource.buurtCodes.includes(submission.value.areaCode)) {
      return {
        intent,
        result: submission.reply({ fieldErrors: { areaCode: ["annotationArea"] } }),
        saved: false,
      };
    }
    const { intent: _ignored, ...annotation } = submission.value;
    const added = await annotateFigure(user.id, resource.gemeenteCode, annotation);
    if (added !== "added") {
      return {
        intent,
        result: submission.reply({ fieldErrors: { indicatorKey: ["unknownIndicator"] } }),
        saved: false,
      };
    }
    return { intent, result: submission.reply({ resetForm: true }), saved: true };
  }
  throw data(null, { status: 400 });
}

export default function BuurtScan({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(scanMessages);
  const locale = useLocale();
  const { agenda, scan, scans, can } = loaderData;
  const label = (i: { labelNl: string; labelEn: string }) =>
    locale === "nl" ? i.labelNl : i.labelEn;
  const indicatorOptions = loaderData.indicators.map((i) => ({
    value: i.key,
    label: `${label(i)} (${i.year})`,
  }));
  const draft = scan && !scan.frozenAt;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>{agenda.title}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("scanTitle", { title: agenda.title })}</h1>
      <InternalNotice />
      <p className="utrecht-paragraph">{t("scanIntro")}</p>
      {actionData?.saved ? (
        <StatusMessage>
          {t(
            {
              start: "scanStarted",
              indicators: "scanIndicatorsSaved",
              freeze: "scanFrozen",
              annotate: "annotationSaved",
            }[actionData.intent],
          )}
        </StatusMessage>
      ) : null}
      {actionData?.error ? <FormAlert messages={[t(actionData.error)]} /> : null}

      {!scan ? (
        <>
          <p className="utrecht-paragraph">
            {can["scan.manage"] ? t("scanNone") : t("scanNoneReadOnly")}
          </p>
          {can["scan.manage"] ? (
            <IndicatorForm
              title={t("scanStart")}
              intent="start"
              options={indicatorOptions}
              defaults={DEFAULT_SCAN_INDICATORS}
              lastResult={actionData?.intent === "start" ? actionData.result : undefined}
            />
          ) : null}
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {scan.frozenAt
              ? t("scanFrozenNote", {
                  number: scan.number,
                  date: formatDate(scan.frozenAt, locale),
                  name: scan.frozenBy ?? "—",
                })
              : t("scanDraftNote", { number: scan.number })}
          </p>
          {scan.rows.map((row) => (
            <ScanIndicator
              key={row.indicator.key}
              row={row}
              areaBuurtCount={loaderData.areaBuurten.length}
              annotations={loaderData.annotations.filter(
                (a) => a.indicatorKey === row.indicator.key,
              )}
            />
          ))}
          {can["scan.manage"] && draft ? (
            <>
              <section className="section" aria-labelledby="afronden">
                <h2 className="utrecht-heading-2" id="afronden">
                  {t("scanFreeze")}
                </h2>
                <p className="utrecht-paragraph">{t("scanFreezeHelp")}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="freeze" />
                  <input type="hidden" name="scan" value={scan.number} />
                  <SubmitButton>{t("scanFreeze")}</SubmitButton>
                </Form>
              </section>
              <IndicatorForm
                title={t("scanChoose")}
                intent="indicators"
                scanNumber={scan.number}
                options={indicatorOptions}
                defaults={scan.indicatorKeys}
                lastResult={actionData?.intent === "indicators" ? actionData.result : undefined}
              />
            </>
          ) : null}
          {can["scan.manage"] && !draft && scans.every((s) => s.frozenAt) ? (
            <IndicatorForm
              title={t("scanNew")}
              help={t("scanNewHelp")}
              intent="start"
              options={indicatorOptions}
              defaults={scan.indicatorKeys}
              lastResult={actionData?.intent === "start" ? actionData.result : undefined}
            />
          ) : null}
          {can["scan.manage"] ? (
            <AnnotationForm
              intro={t("scanAnnotateIntro")}
              intent="annotate"
              buurten={loaderData.areaBuurten}
              indicator={{
                choices: scan.rows.map((r) => ({
                  value: r.indicator.key,
                  label: label(r.indicator),
                })),
              }}
              lastResult={actionData?.intent === "annotate" ? actionData.result : undefined}
              saved={false}
            />
          ) : null}
          {scans.length > 1 ? (
            <section className="section" aria-labelledby="eerdere-scans">
              <h2 className="utrecht-heading-2" id="eerdere-scans">
                {t("scanOthers")}
              </h2>
              <ul>
                {scans.map((s) => (
                  <li key={s.number}>
                    <Link
                      to={`${href("/buurtagenda/:id/buurtscan", { id: agenda.id })}?scan=${s.number}`}
                      aria-current={s.number === scan.number ? "page" : undefined}
                    >
                      {t("scanLink", { number: s.number })}
                    </Link>{" "}
                    (
                    {s.frozenAt
                      ? t("scanLinkFrozen", { date: formatDate(s.frozenAt, locale) })
                      : t("scanLinkDraft")}
                    )
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

type ScanRow = NonNullable<Route.ComponentProps["loaderData"]["scan"]>["rows"][number];

function ScanIndicator({
  row,
  areaBuurtCount,
  annotations,
}: {
  row: ScanRow;
  areaBuurtCount: number;
  annotations: { id: string; areaCode: string; text: string; author: string }[];
}) {
  const t = useText(scanMessages);
  const locale = useLocale();
  const name = locale === "nl" ? row.indicator.labelNl : row.indicator.labelEn;
  const format = (value: number) => formatFigure(value, row.indicator.unit, locale);
  const headingId = `cijfer-${row.indicator.key}`;
  const bars: Bar[] = [
    ...row.buurten
      .filter((b) => b.value !== null)
      .map((b) => ({ label: b.name, value: b.value!, kind: "buurt" as const })),
    ...(areaBuurtCount > 1 && row.area.kind !== "none"
      ? [{ label: t("scanArea"), value: row.area.value, kind: "area" as const }]
      : []),
    ...(row.gemeenteValue !== null
      ? [{ label: t("gemeenteValue"), value: row.gemeenteValue, kind: "reference" as const }]
      : []),
    ...(row.nationalValue !== null
      ? [{ label: t("nationalValue"), value: row.nationalValue, kind: "reference" as const }]
      : []),
  ];
  return (
    <section className="scan-indicator" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-3" id={headingId}>
        {name}
      </h2>
      {row.year === null ? (
        <p className="utrecht-paragraph">{t("noValues")}</p>
      ) : (
        <>
          <table className="data-table">
            <caption>
              {name}, {row.year} ({t(`direction_${row.indicator.direction}`)})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("buurt")}</th>
                <th scope="col">{t("value")}</th>
                <th scope="col">{t("scanRank")}</th>
                <th scope="col">{t("annotations")}</th>
              </tr>
            </thead>
            <tbody>
              {row.buurten.map((b) => (
                <tr key={b.code}>
                  <th scope="row">{b.name}</th>
                  <td>{b.value === null ? t("scanNoFigure") : format(b.value)}</td>
                  <td>
                    {b.rank === null
                      ? "—"
                      : t("scanRankOf", { rank: b.rank, count: row.rankedCount })}
                  </td>
                  <td>
                    <FigureAnnotations annotations={annotations} areaCode={b.code} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {areaBuurtCount > 1 ? (
                <tr>
                  <th scope="row">{t("scanArea")}</th>
                  <td colSpan={3}>
                    <AreaFigureText
                      area={row.area}
                      format={format}
                      base={row.base ? (locale === "nl" ? row.base.labelNl : row.base.labelEn) : ""}
                    />
                  </td>
                </tr>
              ) : null}
              <tr>
                <th scope="row">{t("gemeenteValue")}</th>
                <td colSpan={3}>
                  {row.gemeenteValue === null ? t("noGemeente") : format(row.gemeenteValue)}
                </td>
              </tr>
              <tr>
                <th scope="row">{t("nationalValue")}</th>
                <td colSpan={3}>
                  {row.nationalValue === null ? t("noNational") : format(row.nationalValue)}
                </td>
              </tr>
            </tfoot>
          </table>
          <BarChart bars={bars} format={format} label={t("chartLabel", { indicator: name })} />
          <p className="source-note">
            {t("scanYearSource", {
              year: row.year,
              source: [row.catalogueSource, ...row.sources].join("; "),
            })}
          </p>
        </>
      )}
    </section>
  );
}

function AreaFigureText({
  area,
  format,
  base,
}: {
  area: AreaFigure;
  format: (value: number) => string;
  base: string;
}) {
  const t = useText(scanMessages);
  switch (area.kind) {
    case "none":
      return <span className="area-figure-note">{t(`areaNone_${area.reason}`)}</span>;
    case "sum":
      return (
        <>
          {format(area.value)} ({t("areaSum")})
        </>
      );
    case "weighted":
      return (
        <>
          {format(area.value)} ({t("areaWeighted", { base: base.toLowerCase() })})
        </>
      );
    case "single":
      return <>{format(area.value)}</>;
  }
}

function IndicatorForm({
  title,
  help,
  intent,
  scanNumber,
  options,
  defaults,
  lastResult,
}: {
  title: string;
  help?: string;
  intent: "start" | "indicators";
  scanNumber?: number;
  options: { value: string; label: string }[];
  defaults: string[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useText(scanMessages);
  const [form, fields] = useForm<z.input<typeof scanIndicatorsSchema>>({
    id: `scan-${intent}`,
    lastResult,
  });
  const headingId = `${form.id}-titel`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      {help ? <p className="utrecht-paragraph">{help}</p> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormAlert messages={form.errors?.map(t)} />
        <input type="hidden" name="intent" value={intent} />
        {scanNumber !== undefined ? <input type="hidden" name="scan" value={scanNumber} /> : null}
        <CheckboxGroup
          field={fields.indicator}
          legend={t("scanChoose")}
          description={t("scanChooseHelp")}
          errors={fields.indicator.errors?.map(t)}
          options={options}
          defaultValues={defaults}
        />
        <SubmitButton>{intent === "start" ? t("scanStart") : t("scanSaveIndicators")}</SubmitButton>
      </Form>
    </section>
  );
}
