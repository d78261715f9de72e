import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, useSearchParams } from "react-router";
import type { Route } from "./+types/moderatie";
import { authorize, requireUser } from "../features/auth/auth-routes.server";
import {
  anonymiseStory,
  approveStory,
  duplicateCandidates,
  markDuplicate,
  moderationQueue,
  moderationQueueBuurten,
  QUEUE_PAGE_SIZE,
  moderationScope,
  rejectStory,
  storyForModeration,
  type QueueFilters,
} from "../features/stories/stories.server";
import { REJECTION_REASONS } from "../features/stories/stories.constants";
import {
  duplicateSchema,
  editForAnonymitySchema,
  rejectSchema,
} from "../features/stories/stories.schema";
import { storiesMessages } from "../features/stories/stories.messages";
import { ThemeFilter, useThemeLabel } from "../features/stories/theme-filter";
import { applyReplacements, findPiiCandidates } from "../features/stories/anonymise";
import { db } from "../shared/db.server";
import { formatDate, formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import { FormAlert, PlainSelect, StatusMessage, SubmitButton } from "../shared/ui/form";
import { Pager } from "../shared/ui/pager";
import { isUuid } from "../shared/uuid";

// The moderation queue (block 4): platform members and staff read every story before it is
// published, oldest first, within the buurten their role covers. Every action is an audit event.

export const meta: Route.MetaFunction = () => [
  { title: "Verhalen controleren | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

const CHANNELS = ["online", "interview", "walk", "meeting", "survey"] as const;

function filtersFrom(url: URL): QueueFilters {
  const status = url.searchParams.get("status");
  const channel = url.searchParams.get("kanaal") ?? "";
  return {
    buurtCode: /^BU\d{8}$/.test(url.searchParams.get("buurt") ?? "")
      ? url.searchParams.get("buurt")!
      : undefined,
    theme: (url.searchParams.get("thema") ?? "").slice(0, 50) || undefined,
    channel: (CHANNELS as readonly string[]).includes(channel) ? channel : undefined,
    status: status === "submitted" || status === "reported" ? status : undefined,
    page: /^\d{1,5}$/.test(url.searchParams.get("pagina") ?? "")
      ? Math.max(1, Number(url.searchParams.get("pagina")))
      : 1,
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  // Only people who moderate somewhere have a queue; the rest get 403, not an empty page.
  if (!moderationScope(user)) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  // "Mark as duplicate" opened for one story: only that one gets the list of its buurt's stories.
  const dubbel = url.searchParams.get("dubbel") ?? "";
  const choosingFor = isUuid(dubbel) ? dubbel : undefined;
  const [{ stories: queue, total }, themes, waitingPerBuurt] = await Promise.all([
    moderationQueue(user, filters),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
    moderationQueueBuurten(user),
  ]);
  const candidates = await duplicateCandidates(user, queue, choosingFor);
  const buurten = await db().buurt.findMany({
    where: {
      code: {
        in: [
          ...new Set([
            ...queue.map((s) => s.buurtCode),
            ...waitingPerBuurt.map((b) => b.buurtCode),
            ...[...candidates.values()].flat().map((c) => c.buurtCode),
          ]),
        ],
      },
    },
    distinct: ["code"],
    select: { code: true, name: true },
  });
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  return {
    total,
    page: filters.page ?? 1,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    buurten: waitingPerBuurt
      .map((b) => ({
        code: b.buurtCode,
        name: nameOf.get(b.buurtCode) ?? b.buurtCode,
        waiting: b.waiting,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
    queue: queue.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.text,
      buurt: nameOf.get(s.buurtCode) ?? s.buurtCode,
      buurtCode: s.buurtCode,
      channel: s.channel,
      status: s.status,
      tellerName: s.showName ? s.tellerName : "",
      consentPublish: s.consentPublish,
      consentQuote: s.consentQuote,
      themes: s.themes.map((t) => t.themeKey),
      reports: s.reports.map((r) => r.reason),
      createdAt: s.createdAt.toISOString(),
      candidates: findPiiCandidates(s.text).map((c) => ({ kind: c.kind, text: c.text })),
      repeatOfId: s.repeatOfId,
      duplicateChoices: (candidates.get(s.id) ?? []).map((c) => ({
        id: c.id,
        title: c.title || c.snippet,
        buurt: nameOf.get(c.buurtCode) ?? c.buurtCode,
        createdAt: c.createdAt.toISOString(),
        published: c.status === "published",
        repeated: c.id === s.repeatOfId,
      })),
    })),
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
  };
}

/** The current query with `key` set to `value`, for a link that keeps the filters. */
function withParam(search: URLSearchParams, key: string, value: string): string {
  const query = new URLSearchParams(search);
  query.set(key, value);
  return query.toString();
}

type ActionResult = { done?: string; error?: string; storyId?: string };

export async function action({ request }: Route.ActionArgs): Promise<ActionResult> {
  const form = await request.formData();
  const storyId = String(form.get("story") ?? "");
  const story = isUuid(storyId) ? await storyForModeration(storyId) : null;
  if (!story) throw data(null, { status: 404 });
  // The check is on the story's own buurt, whatever the form says.
  const user = await authorize(request, "story.moderate", {
    kind: "buurt",
    buurtCode: story.buurtCode,
  });
  const actorId = user!.id;
  const intent = form.get("intent");
  if (intent === "approve") {
    const ok = await approveStory(actorId, story.id);
    return ok ? { done: "approved", storyId } : { error: "noConsent", storyId };
  }
  if (intent === "reject") {
    const submission = parseWithZod(form, { schema: rejectSchema });
    if (submission.status !== "success") return { error: "reasonRequired", storyId };
    const ok = await rejectStory(actorId, story.id, submission.value.reason, submission.value.note);
    return ok ? { done: "rejected", storyId } : { error: "alreadyHandled", storyId };
  }
  if (intent === "duplicate") {
    const submission = parseWithZod(form, { schema: duplicateSchema });
    if (submission.status !== "success") return { error: "originalRequired", storyId };
    const outcome = await markDuplicate(actorId, story.id, submission.value.original);
    if (outcome === "marked") return { done: "markedDuplicate", storyId };
    return {
      error: outcome === "unknown-original" ? "originalRequired" : "alreadyHandled",
      storyId,
    };
  }
  if (intent === "replace-candidates") {
    // One click: every detected name, address, phone number and e-mail address replaced.
    const candidates = findPiiCandidates(story.text);
    if (candidates.length === 0) return { error: "alreadyHandled", storyId };
    const ok = await anonymiseStory(actorId, story.id, applyReplacements(story.text, candidates));
    return ok ? { done: "anonymised", storyId } : { error: "alreadyHandled", storyId };
  }
  if (intent === "anonymise") {
    const submission = parseWithZod(form, { schema: editForAnonymitySchema });
    if (submission.status !== "success") return { error: "storyRequired", storyId };
    const ok = await anonymiseStory(actorId, story.id, submission.value.text);
    return ok ? { done: "anonymised", storyId } : { error: "alreadyHandled", storyId };
  }
  throw data(null, { status: 400 });
}

export default function Moderation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const themeLabel = useThemeLabel(loaderData.themes);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("queueTitle")}</h1>
      <p className="utrecht-paragraph">{t("queueIntro")}</p>
      {actionData?.done ? <StatusMessage>{t(actionData.done)}</StatusMessage> : null}
      {actionData?.error ? <FormAlert messages={[t(actionData.error)]} /> : null}
      <Form method="get" className="form inline-fields">
        <PlainSelect
          id="status"
          name="status"
          label={t("queueFilterStatus")}
          defaultValue={search.get("status") ?? ""}
          emptyLabel={t("queueAll")}
          options={[
            { value: "submitted", label: t("queueSubmitted") },
            { value: "reported", label: t("queueReported") },
          ]}
        />
        <PlainSelect
          id="buurt"
          name="buurt"
          label={t("buurt")}
          defaultValue={search.get("buurt") ?? ""}
          emptyLabel={t("allBuurten")}
          options={loaderData.buurten.map((b) => ({
            value: b.code,
            label: t("buurtWaiting", { name: b.name, count: b.waiting }),
          }))}
        />
        <ThemeFilter themes={loaderData.themes} value={search.get("thema") ?? ""} />
        <PlainSelect
          id="kanaal"
          name="kanaal"
          label={t("channel")}
          defaultValue={search.get("kanaal") ?? ""}
          emptyLabel={t("allChannels")}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel_${channel}`) }))}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("filter")}
        </button>
      </Form>
      {loaderData.queue.length === 0 ? (
        <p className="utrecht-paragraph">{t("queueNone")}</p>
      ) : (
        <p className="utrecht-paragraph" role="status">
          {t("queueWaiting", { count: loaderData.total })}
        </p>
      )}
      {loaderData.queue.length === 0 ? null : (
        <ul className="story-list">
          {loaderData.queue.map((story) => (
            <li key={story.id}>
              <article className="stack" aria-labelledby={`wacht-${story.id}`}>
                <h2 className="utrecht-heading-3" id={`wacht-${story.id}`}>
                  {story.title || story.buurt}
                </h2>
                <p className="source-note">
                  {story.buurt} · {t(`channel_${story.channel}`)} ·{" "}
                  {formatDateTime(story.createdAt, locale)} ·{" "}
                  {story.tellerName ? t("toldBy", { name: story.tellerName }) : t("toldAnonymous")}
                  {story.themes.length ? ` · ${story.themes.map(themeLabel).join(", ")}` : ""}
                </p>
                <p className="utrecht-paragraph story-text">{story.text}</p>
                <ul className="source-note">
                  <li>
                    {t("consentPublish")}{" "}
                    <strong>{story.consentPublish ? t("yes") : t("no")}</strong>
                  </li>
                  <li>
                    {t("consentQuote")} <strong>{story.consentQuote ? t("yes") : t("no")}</strong>
                  </li>
                </ul>
                {story.duplicateChoices.some((c) => c.repeated) ? (
                  <p className="utrecht-paragraph notice-repeat">
                    <strong>{t("repeatFlag")}</strong>{" "}
                    {t("repeatOf", {
                      title: story.duplicateChoices.find((c) => c.repeated)!.title,
                    })}
                  </p>
                ) : null}
                {story.reports.map((reason, index) => (
                  <p key={index} className="utrecht-paragraph">
                    {t("reportedBecause", { reason })}
                  </p>
                ))}
                {story.candidates.length ? (
                  <Form method="post" className="stack">
                    <input type="hidden" name="story" value={story.id} />
                    <input type="hidden" name="intent" value="replace-candidates" />
                    <p className="utrecht-paragraph">
                      {t("candidates", {
                        list: story.candidates.map((c) => `“${c.text}”`).join(", "),
                      })}
                    </p>
                    <SubmitButton variant="secondary">{t("replaceCandidates")}</SubmitButton>
                  </Form>
                ) : null}
                <div className="inline-fields">
                  <Form method="post">
                    <input type="hidden" name="story" value={story.id} />
                    <input type="hidden" name="intent" value="approve" />
                    <SubmitButton>{t("approve")}</SubmitButton>
                  </Form>
                </div>
                <details>
                  <summary>{t("reject")}</summary>
                  <Form method="post" className="form">
                    <input type="hidden" name="story" value={story.id} />
                    <input type="hidden" name="intent" value="reject" />
                    <PlainSelect
                      id={`reden-${story.id}`}
                      name="reason"
                      label={t("rejectReason")}
                      required
                      defaultValue=""
                      emptyLabel={t("chooseReason")}
                      options={REJECTION_REASONS.map((reason) => ({
                        value: reason,
                        label: t(`reason_${reason}`),
                      }))}
                    />
                    <div className="form-field">
                      <label htmlFor={`toelichting-${story.id}`}>{t("rejectNote")}</label>
                      <textarea
                        id={`toelichting-${story.id}`}
                        name="note"
                        rows={2}
                        className="utrecht-textarea"
                      />
                    </div>
                    <SubmitButton variant="secondary">{t("reject")}</SubmitButton>
                  </Form>
                </details>
                {story.duplicateChoices.length ? (
                  <details
                    open={
                      story.duplicateChoices.some((c) => c.repeated) ||
                      search.get("dubbel") === story.id
                    }
                  >
                    <summary>{t("markDuplicate")}</summary>
                    <Form method="post" className="form">
                      <input type="hidden" name="story" value={story.id} />
                      <input type="hidden" name="intent" value="duplicate" />
                      <p className="form-field__description">{t("markDuplicateHelp")}</p>
                      <PlainSelect
                        id={`origineel-${story.id}`}
                        name="original"
                        label={t("duplicateOf")}
                        required
                        defaultValue={story.duplicateChoices.find((c) => c.repeated)?.id ?? ""}
                        emptyLabel={t("chooseOriginal")}
                        options={story.duplicateChoices.map((choice) => ({
                          value: choice.id,
                          label: `${choice.title} (${choice.buurt}, ${formatDate(choice.createdAt, locale)}, ${
                            choice.published ? t("status_published") : t("status_submitted")
                          })`,
                        }))}
                      />
                      {search.get("dubbel") === story.id ? null : (
                        // A detected repeat comes with only the story it repeats.
                        <p className="form-field__description">
                          <Link to={`?${withParam(search, "dubbel", story.id)}#wacht-${story.id}`}>
                            {t("duplicateMoreChoices")}
                          </Link>
                        </p>
                      )}
                      <SubmitButton variant="secondary">{t("markDuplicate")}</SubmitButton>
                    </Form>
                  </details>
                ) : (
                  <p className="utrecht-paragraph">
                    <Link to={`?${withParam(search, "dubbel", story.id)}#wacht-${story.id}`}>
                      {t("markDuplicate")}
                      <span className="visually-hidden">: {story.title || story.buurt}</span>
                    </Link>
                  </p>
                )}
                <details>
                  <summary>{t("anonymise")}</summary>
                  <Form method="post" className="form">
                    <input type="hidden" name="story" value={story.id} />
                    <input type="hidden" name="intent" value="anonymise" />
                    <p className="form-field__description">{t("anonymiseHelp")}</p>
                    <div className="form-field">
                      <label htmlFor={`tekst-${story.id}`}>{t("text")}</label>
                      <textarea
                        id={`tekst-${story.id}`}
                        name="text"
                        rows={6}
                        defaultValue={story.text}
                        className="utrecht-textarea"
                      />
                    </div>
                    <SubmitButton variant="secondary">{t("saveText")}</SubmitButton>
                  </Form>
                </details>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={loaderData.page}
        pageCount={loaderData.pageCount}
        linkTo={(page) => `?${withParam(search, "pagina", String(page))}`}
        labels={{
          nav: t("queuePagesLabel"),
          previous: t("previousPage"),
          next: t("nextPage"),
          pageOf: t("pageOf", { page: loaderData.page, pages: loaderData.pageCount }),
        }}
      />
    </div>
  );
}
