import { Form, href } from "react-router";
import { formatDate, useLocale, useText } from "../../shared/i18n/i18n";
import { storiesMessages } from "./stories.messages";

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
  const t = useText(storiesMessages);
  const locale = useLocale();
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id} id={`verhaal-${story.id}`}>
          <article aria-labelledby={`verhaal-${story.id}-kop`}>
            <h3 className="utrecht-heading-4" id={`verhaal-${story.id}-kop`}>
              {story.title || `${story.text.slice(0, 60)}${story.text.length > 60 ? "…" : ""}`}
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
              <details>
                <summary>{t("report")}</summary>
                <Form
                  method="post"
                  action={href("/verhaal/:id/melden", { id: story.id })}
                  className="form"
                >
                  <input type="hidden" name="terug" value={returnTo} />
                  <div className="form-field">
                    <label htmlFor={`melding-${story.id}`}>{t("reportReason")}</label>
                    <textarea
                      id={`melding-${story.id}`}
                      name="reason"
                      rows={2}
                      maxLength={500}
                      required
                      className="utrecht-textarea"
                    />
                  </div>
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    {t("reportSend")}
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
