import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-opgave";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { commentOnFinding, findingWithEvidence } from "../features/linking/findings.server";
import { commentSchema } from "../features/linking/linking.schema";
import { linkingMessages } from "../features/linking/linking.messages";
import { formatFigure } from "../features/scan/format";
import { buurtNames } from "../features/territory/territory.server";
import { db } from "../shared/db.server";
import { formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import { StatusMessage, SubmitButton, TextAreaField } from "../shared/ui/form";

// One finding with its whole evidence: the stories (still published) and the frozen figures, and
// the advisory council's comments (review.write).

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.finding.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const finding = await findingWithEvidence(resource, params.finding);
  if (!finding) throw data(null, { status: 404 });
  const [names, themes] = await Promise.all([
    buurtNames(resource.buurtCodes),
    db().theme.findMany({ where: { key: { in: finding.themes } } }),
  ]);
  return {
    agendaId: resource.agendaId,
    canComment: permissionsOn(user, resource, ["review.write"])["review.write"],
    finding: {
      ...finding,
      createdAt: finding.createdAt.toISOString(),
      themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
      stories: finding.stories.map((s) => ({
        id: s.id,
        title: s.title,
        text: s.text,
        buurt: names.get(s.buurtCode) ?? s.buurtCode,
      })),
      values: finding.values.map((v) => ({
        key: `${v.indicatorKey}-${v.areaCode}`,
        labelNl: v.indicator.labelNl,
        labelEn: v.indicator.labelEn,
        unit: v.indicator.unit,
        buurt: names.get(v.areaCode) ?? v.areaCode,
        value: v.value,
        year: v.year,
        source: v.source,
        scanNumber: v.scanNumber,
      })),
      comments: finding.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "review.write");
  const submission = parseWithZod(await request.formData(), { schema: commentSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  if (!(await commentOnFinding(user.id, resource, params.finding, submission.value.text))) {
    throw data(null, { status: 404 });
  }
  return { result: submission.reply({ resetForm: true }), commented: true };
}

export default function FindingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(linkingMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { finding } = loaderData;
  const [form, fields] = useForm<z.input<typeof commentSchema>>({
    id: "reactie",
    lastResult: actionData?.result,
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/opgaven", { id: loaderData.agendaId })}>
          {t("backToFindings")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{finding.title}</h1>
      {search.get("opgeslagen") ? <StatusMessage>{t("findingSaved")}</StatusMessage> : null}
      <p className="utrecht-paragraph story-text">{finding.description}</p>
      {finding.themes.length ? (
        <p className="source-note">
          {finding.themes.map((th) => (locale === "nl" ? th.labelNl : th.labelEn)).join(", ")}
        </p>
      ) : null}
      <section className="section stack" aria-labelledby="bewijs">
        <h2 className="utrecht-heading-2" id="bewijs">
          {t("findingEvidence")}
        </h2>
        {finding.values.length ? (
          <ul className="utrecht-unordered-list">
            {finding.values.map((v) => (
              <li key={v.key}>
                {t("evidenceValue", {
                  indicator: locale === "nl" ? v.labelNl : v.labelEn,
                  buurt: v.buurt,
                  value: formatFigure(v.value, v.unit, locale),
                  year: v.year,
                })}{" "}
                <span className="source-note">({v.source})</span>
              </li>
            ))}
          </ul>
        ) : null}
        {finding.stories.length ? (
          <ul className="story-list">
            {finding.stories.map((s) => (
              <li key={s.id}>
                {s.title ? <strong>{s.title}</strong> : null}
                <p className="utrecht-paragraph story-text">{s.text}</p>
                <p className="source-note">{s.buurt}</p>
              </li>
            ))}
          </ul>
        ) : null}
        {finding.storiesGone ? (
          <p className="source-note">{t("findingStoriesGone", { count: finding.storiesGone })}</p>
        ) : null}
      </section>
      <section className="section stack" aria-labelledby="reacties">
        <h2 className="utrecht-heading-2" id="reacties">
          {t("commentsTitle")}
        </h2>
        {actionData?.commented ? <StatusMessage>{t("commentSaved")}</StatusMessage> : null}
        {finding.comments.length === 0 ? (
          <p className="utrecht-paragraph">{t("commentsNone")}</p>
        ) : (
          <ul className="story-list">
            {finding.comments.map((c) => (
              <li key={c.id}>
                <p className="utrecht-paragraph story-text">{c.text}</p>
                <p className="source-note">
                  {c.author} · {formatDateTime(c.createdAt, locale)}
                </p>
              </li>
            ))}
          </ul>
        )}
        {loaderData.canComment ? (
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="comment" />
            <TextAreaField
              field={fields.text}
              label={t("commentLabel")}
              required
              rows={3}
              errors={fields.text.errors?.map(t)}
            />
            <SubmitButton>{t("commentSend")}</SubmitButton>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
