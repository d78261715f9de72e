import { Form, Link, href, useSearchParams } from "react-router";
import type { Route } from "./+types/mijn-verhalen";
import { requireUser } from "../features/auth/auth-routes.server";
import {
  storiesOfTeller,
  withdrawOwnStory,
  withdrawQuoteConsent,
} from "../features/stories/stories.server";
import { storiesMessages } from "../features/stories/stories.messages";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { StatusMessage, SubmitButton } from "../shared/ui/form";
import { db } from "../shared/db.server";

// The teller's own stories and their status; a story can be changed until it is moderated, and
// withdrawn (or its consent to be quoted taken back) at any time.

export const meta: Route.MetaFunction = () => [{ title: "Mijn verhalen | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const stories = await storiesOfTeller(user.id);
  const buurten = await db().buurt.findMany({
    where: { code: { in: [...new Set(stories.map((s) => s.buurtCode))] } },
    distinct: ["code"],
    select: { code: true, name: true },
  });
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  return {
    stories: stories.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.text,
      status: s.status,
      buurtCode: s.buurtCode,
      buurt: nameOf.get(s.buurtCode) ?? s.buurtCode,
      rejectionReason: s.rejectionReason,
      rejectionNote: s.rejectionNote,
      edited: s.originalText !== null,
      duplicate: s.duplicateOfId !== null,
      consentQuote: s.consentQuote,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const storyId = String(form.get("story") ?? "");
  if (form.get("intent") === "no-quote") {
    return { quoteWithdrawn: await withdrawQuoteConsent(user.id, storyId) };
  }
  return { withdrawn: await withdrawOwnStory(user.id, storyId) };
}

export default function MyStories({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("myTitle")}</h1>
      {search.get("verteld") ? <StatusMessage>{t("told")}</StatusMessage> : null}
      {search.get("aangepast") ? <StatusMessage>{t("edited")}</StatusMessage> : null}
      {actionData && "withdrawn" in actionData && actionData.withdrawn ? (
        <StatusMessage>{t("withdrawn")}</StatusMessage>
      ) : null}
      {actionData && "quoteWithdrawn" in actionData && actionData.quoteWithdrawn ? (
        <StatusMessage>{t("quoteWithdrawn")}</StatusMessage>
      ) : null}
      {loaderData.stories.length === 0 ? (
        <p className="utrecht-paragraph">{t("myNone")}</p>
      ) : (
        <ul className="initiative-list">
          {loaderData.stories.map((story) => (
            <li key={story.id}>
              {story.title ? <h2 className="utrecht-heading-3">{story.title}</h2> : null}
              <p className="utrecht-paragraph story-text">{story.text}</p>
              <p className="source-note">
                {formatDate(story.createdAt, locale)} ·{" "}
                <Link to={href("/buurt/:code", { code: story.buurtCode })}>{story.buurt}</Link> ·{" "}
                <span className="status-badge">{t(`status_${story.status}`)}</span>
              </p>
              {story.status === "rejected" && story.rejectionReason ? (
                <p className="utrecht-paragraph">
                  {t("rejectedBecause", { reason: t(`reason_${story.rejectionReason}`) })}
                  {story.rejectionNote ? ` ${story.rejectionNote}` : ""}
                </p>
              ) : null}
              {story.duplicate ? <p className="utrecht-paragraph">{t("duplicateNote")}</p> : null}
              {story.edited ? <p className="utrecht-paragraph">{t("editedNote")}</p> : null}
              {story.status === "submitted" || story.status === "published" ? (
                <p className="source-note">
                  {story.consentQuote ? t("mayBeQuoted") : t("notQuoted")}
                </p>
              ) : null}
              <div className="inline-fields">
                {story.status === "submitted" ? (
                  <Link
                    to={href("/mijn-verhalen/:id/bewerken", { id: story.id })}
                    className="utrecht-button utrecht-button--secondary-action"
                  >
                    {t("edit")}
                  </Link>
                ) : null}
                {story.consentQuote &&
                (story.status === "submitted" || story.status === "published") ? (
                  <Form method="post">
                    <input type="hidden" name="story" value={story.id} />
                    <input type="hidden" name="intent" value="no-quote" />
                    <SubmitButton variant="secondary">{t("noQuote")}</SubmitButton>
                  </Form>
                ) : null}
                {story.status !== "withdrawn" ? (
                  <Form method="post">
                    <input type="hidden" name="story" value={story.id} />
                    <SubmitButton variant="secondary">{t("withdraw")}</SubmitButton>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
