import { Form, href, Link } from "react-router";
import { formatDate, useLocale, useText } from "../../shared/i18n/i18n";
import { storiesPublicMessages } from "./stories-public.messages";

export interface PublishedStoryView {
  id: string;
  title: string;
  text: string;
  channel: string;
  tellerName: string;
  createdAt: string;
  isDemo: boolean;
  event: { kind: string; title: string; heldOn: string } | null;
  themes: string[];
  recognisedCount: number;
  recognisedByViewer: boolean;
}

/** The title, or the start of the text for a story without one. */
function storyHeading(story: PublishedStoryView): string {
  return story.title || `${story.text.slice(0, 60)}${story.text.length > 60 ? "…" : ""}`;
}

/**
 * Published stories as text: everything a resident wrote is rendered by React as text, never as
 * HTML (no dangerouslySetInnerHTML anywhere), so markup in a story shows as typed.
 */
export function StoryList({
  stories,
  themeLabel,
  signedIn,
  returnTo,
}: {
  stories: PublishedStoryView[];
  themeLabel: (key: string) => string;
  signedIn: boolean;
  returnTo: string;
}) {
  const t = useText(storiesPublicMessages);
  const locale = useLocale();
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id} id={`verhaal-${story.id}`}>
          <article aria-labelledby={`verhaal-${story.id}-kop`}>
            <h3 className="utrecht-heading-4" id={`verhaal-${story.id}-kop`}>
              {storyHeading(story)}
            </h3>
            {story.isDemo ? <p className="source-note">{t("demoStory")}</p> : null}
            <p className="utrecht-paragraph story-text">{story.text}</p>
            <p className="source-note">
              {story.tellerName ? t("toldBy", { name: story.tellerName }) : t("toldAnonymous")}
              {story.event
                ? `, ${t("toldDuring", { event: `${story.event.title} (${formatDate(story.event.heldOn, locale)})` })}`
                : ""}
              {" · "}
              {formatDate(story.createdAt, locale)}
              {story.themes.length ? ` · ${story.themes.map(themeLabel).join(", ")}` : ""}
            </p>
            {signedIn ? (
              <Form method="post" action={href("/verhaal/:id/herkenbaar", { id: story.id })}>
                <input type="hidden" name="terug" value={returnTo} />
                <button
                  type="submit"
                  className="utrecht-button utrecht-button--secondary-action"
                  aria-pressed={story.recognisedByViewer}
                >
                  {story.recognisedByViewer
                    ? t("recognisedByYou", { count: story.recognisedCount })
                    : t("recognised", { count: story.recognisedCount })}
                </button>
              </Form>
            ) : (
              <p className="source-note">
                {t("recognised", { count: story.recognisedCount })}. {t("recogniseSignIn")}
              </p>
            )}
            {signedIn ? (
              <p className="source-note">
                <Link
                  to={`${href("/verhaal/:id/melden", { id: story.id })}?${new URLSearchParams({ terug: returnTo })}`}
                >
                  {t("report")}
                  <span className="visually-hidden">: {storyHeading(story)}</span>
                </Link>
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
