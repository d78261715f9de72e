import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/gemeente-voorselectie-review";
import { authorize, authorizeAny } from "../features/auth/auth-routes.server";
import { can } from "../features/auth/permissions";
import { FocusAreaList } from "../features/scan/focus-area-list";
import {
  commentOnPreselection,
  designateFocusArea,
  focusAreasOf,
  getPreselection,
} from "../features/scan/focus.server";
import { formatFigure } from "../features/scan/format";
import { annotationsFor } from "../features/scan/scan.server";
import { scanMessages } from "../features/scan/scan.messages";
import { FigureAnnotations, InternalNotice } from "../features/scan/scan-parts";
import {
  REVIEW_VERDICTS,
  focusAreaSchema,
  reviewCommentSchema,
} from "../features/scan/scan.schema";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import { getGemeenteWithAreas } from "../features/territory/territory.server";
import { formatDate, formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import {
  CheckboxGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// A saved preselection: partners say what they see in practice per buurt; staff read those
// comments beside the figures and designate focus areas. Internal, like every ranking.

export const meta: Route.MetaFunction = () => [
  { title: "Voorselectie beoordelen | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

async function gemeenteOf(code: string) {
  const parsed = gemeenteCodeParam.safeParse(code);
  const found = parsed.success ? await getGemeenteWithAreas(parsed.data) : null;
  if (!found) throw data(null, { status: 404 });
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await gemeenteOf(params.code);
  const resource = { kind: "gemeente" as const, gemeenteCode: found.gemeente.code };
  const user = await authorizeAny(request, ["preselection.review", "scan.view"], resource);
  const preselection = await getPreselection(resource.gemeenteCode, params.id);
  if (!preselection) throw data(null, { status: 404 });
  const [focusAreas, annotations] = await Promise.all([
    focusAreasOf(resource.gemeenteCode),
    annotationsFor(
      resource.gemeenteCode,
      preselection.indicators.map((i) => i.key),
      preselection.buurten.map((b) => b.code),
    ),
  ]);
  return {
    gemeente: { code: resource.gemeenteCode, name: found.gemeente.name },
    gemeenteBuurten: found.wijken.flatMap((w) =>
      w.buurten.map((b) => ({ code: b.code, name: b.name })),
    ),
    preselection: {
      ...preselection,
      createdAt: preselection.createdAt.toISOString(),
      comments: preselection.comments.map((c) => ({ ...c, at: c.at.toISOString() })),
    },
    focusAreas: focusAreas.map((a) => ({ ...a, designatedOn: a.designatedOn.toISOString() })),
    annotations,
    today: new Date().toISOString().slice(0, 10),
    canComment: can(user, "preselection.review", resource),
    canDesignate: can(user, "focusArea.designate", resource),
    canStart: can(user, "agenda.start", resource),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const found = await gemeenteOf(params.code);
  const resource = { kind: "gemeente" as const, gemeenteCode: found.gemeente.code };
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "comment") {
    const user = await authorize(request, "preselection.review", resource);
    const submission = parseWithZod(form, { schema: reviewCommentSchema });
    if (submission.status !== "success")
      return { intent, result: submission.reply(), saved: false };
    const { intent: _intent, ...comment } = submission.value;
    const outcome = await commentOnPreselection(
      user!.id,
      resource.gemeenteCode,
      params.id,
      comment,
    );
    if (outcome !== "added") {
      return {
        intent,
        result: submission.reply({ fieldErrors: { buurtCode: ["notPreselected"] } }),
        saved: false,
      };
    }
    return { intent, result: submission.reply({ resetForm: true }), saved: true };
  }
  if (intent === "designate") {
    const user = await authorize(request, "focusArea.designate", resource);
    const submission = parseWithZod(form, { schema: focusAreaSchema });
    if (submission.status !== "success")
      return { intent, result: submission.reply(), saved: false };
    const { intent: _intent, ...area } = submission.value;
    const outcome = await designateFocusArea(user!.id, resource.gemeenteCode, {
      ...area,
      preselectionId: params.id,
    });
    if (outcome !== "designated") {
      return {
        intent,
        result: submission.reply({ fieldErrors: { buurtCodes: ["focusBuurtenRequired"] } }),
        saved: false,
      };
    }
    return { intent, result: submission.reply({ resetForm: true }), saved: true };
  }
  throw data(null, { status: 400 });
}

export default function PreselectionReview({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(scanMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { gemeente, preselection } = loaderData;
  const label = (i: { labelNl: string; labelEn: string }) =>
    locale === "nl" ? i.labelNl : i.labelEn;
  const valueOf = (code: string, key: string) =>
    preselection.values.find((v) => v.areaCode === code && v.indicatorKey === key)?.value;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/voorselectie", { code: gemeente.code })}>
          {t("preselectionTitle", { name: gemeente.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("reviewTitle", { date: formatDate(preselection.createdAt, locale) })}
      </h1>
      <InternalNotice />
      {search.get("opgeslagen") ? <StatusMessage>{t("preselectionSaved")}</StatusMessage> : null}
      {actionData?.saved ? (
        <StatusMessage>
          {t(actionData.intent === "comment" ? "commentSaved" : "focusSaved")}
        </StatusMessage>
      ) : null}
      <p className="utrecht-paragraph">{t("reviewIntro")}</p>
      {preselection.buurten.map((buurt) => {
        const comments = preselection.comments.filter((c) => c.buurtCode === buurt.code);
        return (
          <section
            key={buurt.code}
            className="scan-indicator"
            aria-labelledby={`buurt-${buurt.code}`}
          >
            <h2 className="utrecht-heading-3" id={`buurt-${buurt.code}`}>
              {buurt.name}
            </h2>
            <table className="data-table">
              <caption>{t("preselectionCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicator")}</th>
                  <th scope="col">{t("value")}</th>
                  <th scope="col">{t("rank")}</th>
                  <th scope="col">{t("annotations")}</th>
                </tr>
              </thead>
              <tbody>
                {preselection.indicators.map((i) => {
                  const hit = buurt.hits.find((h) => h.indicatorKey === i.key);
                  const value = valueOf(buurt.code, i.key);
                  return (
                    <tr key={i.key}>
                      <th scope="row">
                        {label(i)} ({i.year})
                      </th>
                      <td>{value === undefined ? "—" : formatFigure(value, i.unit, locale)}</td>
                      <td>
                        {hit ? (
                          <strong>
                            {t("scanRankOf", { rank: hit.rank, count: i.rankedCount })}
                          </strong>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>
                        <FigureAnnotations
                          annotations={loaderData.annotations}
                          areaCode={buurt.code}
                          indicatorKey={i.key}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h3 className="utrecht-heading-4">{t("reviewComments")}</h3>
            {comments.length === 0 ? (
              <p className="utrecht-paragraph">{t("reviewNoComments")}</p>
            ) : (
              <ul className="timeline">
                {comments.map((c) => (
                  <li key={c.id}>
                    <strong>{t(`verdict_${c.verdict}`)}</strong>: {c.text}
                    <time dateTime={c.at}>
                      {c.author}, {formatDateTime(c.at, locale)}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {loaderData.canComment ? (
        <CommentForm
          buurten={preselection.buurten}
          lastResult={actionData?.intent === "comment" ? actionData.result : undefined}
        />
      ) : null}
      {loaderData.canDesignate ? (
        <FocusAreaForm
          buurten={loaderData.gemeenteBuurten}
          preselected={new Set(preselection.buurten.map((b) => b.code))}
          today={loaderData.today}
          lastResult={actionData?.intent === "designate" ? actionData.result : undefined}
        />
      ) : null}
      <FocusAreaList
        gemeenteCode={gemeente.code}
        areas={loaderData.focusAreas}
        canStart={loaderData.canStart}
      />
    </div>
  );
}

function CommentForm({
  buurten,
  lastResult,
}: {
  buurten: { code: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useText(scanMessages);
  const [form, fields] = useForm<z.input<typeof reviewCommentSchema>>({
    id: "reactie",
    lastResult,
  });
  return (
    <section className="section" aria-labelledby="reactie-titel">
      <h2 className="utrecht-heading-2" id="reactie-titel">
        {t("reviewCommentTitle")}
      </h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="comment" />
        <SelectField
          field={fields.buurtCode}
          label={t("buurt")}
          placeholder={t("chooseBuurt")}
          options={buurten.map((b) => ({ value: b.code, label: b.name }))}
          errors={fields.buurtCode.errors?.map(t)}
        />
        <SelectField
          field={fields.verdict}
          label={t("verdict")}
          placeholder={t("chooseVerdict")}
          options={REVIEW_VERDICTS.map((v) => ({ value: v, label: t(`verdict_${v}`) }))}
          errors={fields.verdict.errors?.map(t)}
        />
        <TextAreaField
          field={fields.text}
          label={t("comment")}
          errors={fields.text.errors?.map(t)}
          required
          rows={3}
        />
        <SubmitButton>{t("commentButton")}</SubmitButton>
      </Form>
    </section>
  );
}

function FocusAreaForm({
  buurten,
  preselected,
  today,
  lastResult,
}: {
  buurten: { code: string; name: string }[];
  preselected: Set<string>;
  today: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useText(scanMessages);
  const [form, fields] = useForm<z.input<typeof focusAreaSchema>>({ id: "aanwijzen", lastResult });
  // Preselected buurten first: they are what this page is about; staff may add a neighbour.
  const ordered = [
    ...buurten.filter((b) => preselected.has(b.code)),
    ...buurten.filter((b) => !preselected.has(b.code)),
  ];
  return (
    <section className="section" aria-labelledby="aanwijzen-titel">
      <h2 className="utrecht-heading-2" id="aanwijzen-titel">
        {t("focusTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("focusIntro")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="designate" />
        <TextField field={fields.name} label={t("focusName")} errors={fields.name.errors?.map(t)} />
        <CheckboxGroup
          field={fields.buurtCodes}
          legend={t("focusBuurten")}
          errors={fields.buurtCodes.errors?.map(t)}
          options={ordered.map((b) => ({
            value: b.code,
            label: preselected.has(b.code) ? `${b.name} (${t("preselectionShort")})` : b.name,
          }))}
        />
        <TextAreaField
          field={fields.reason}
          label={t("focusReason")}
          errors={fields.reason.errors?.map(t)}
          required
          rows={3}
        />
        <TextField
          field={fields.designatedOn}
          label={t("focusDate")}
          type="date"
          defaultValue={today}
          errors={fields.designatedOn.errors?.map(t)}
        />
        <SubmitButton>{t("focusButton")}</SubmitButton>
      </Form>
    </section>
  );
}
