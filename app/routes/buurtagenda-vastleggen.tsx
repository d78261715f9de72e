import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-vastleggen";
import { agendaFor, agendaForChange } from "../features/agenda/agenda-routes.server";
import { getScanPage } from "../features/scan/buurtscan.server";
import {
  createEvent,
  eventsOf,
  recordStory,
  recordedStoriesOf,
  withdrawForTeller,
} from "../features/stories/recording.server";
import { RecordForm } from "../features/stories/record-form";
import { eventSchema, recordSchema } from "../features/stories/stories.schema";
import { storiesMessages } from "../features/stories/stories.messages";
import { db } from "../shared/db.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import {
  FormAlert,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Block 4 for professionals: walks and meetings of a buurtagenda, and quick entry of the stories
// residents told there (story.record: platform, staff, partners).

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Verhalen vastleggen: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { resource } = await agendaFor(request, params.id, "story.record");
  const [page, events, themes] = await Promise.all([
    getScanPage(resource.agendaId, null),
    eventsOf(resource.agendaId),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const asked = new URL(request.url).searchParams.get("bijeenkomst");
  const event = events.find((e) => e.id === asked) ?? null;
  const recorded = await recordedStoriesOf(resource.agendaId, event?.id ?? null);
  const nameOf = new Map(page.areaBuurten.map((b) => [b.code, b.name]));
  return {
    recorded: recorded.map((s) => ({
      id: s.id,
      text: s.text,
      buurt: nameOf.get(s.buurtCode) ?? s.buurtCode,
      tellerName: s.tellerName,
      status: s.status,
      consentPublish: s.consentPublish,
      createdAt: s.createdAt.toISOString(),
    })),
    agenda: page.agenda,
    buurten: page.areaBuurten,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      heldOn: e.heldOn.toISOString(),
      storyCount: e.storyCount,
    })),
    event: event && { id: event.id, kind: event.kind, title: event.title },
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "story.record");
  const form = await request.formData();
  if (form.get("intent") === "withdraw-for-teller") {
    const done = await withdrawForTeller(user.id, resource, String(form.get("story") ?? ""));
    return done ? { withdrawnForTeller: true } : { withdrawRefused: true };
  }
  if (form.get("intent") === "event") {
    const submission = parseWithZod(form, { schema: eventSchema });
    if (submission.status !== "success") return { eventResult: submission.reply() };
    const id = await createEvent(user.id, resource, submission.value);
    return redirect(
      `${href("/buurtagenda/:id/vastleggen", { id: resource.agendaId })}?bijeenkomst=${id}`,
    );
  }
  // Without JavaScript the story form posts here; with it, it posts to the JSON route and falls
  // back to here when the entry is refused. A refused entry comes back with what was typed.
  const typed = {
    buurtCode: String(form.get("buurtCode") ?? ""),
    channel: String(form.get("channel") ?? ""),
    text: String(form.get("text") ?? ""),
    tellerName: String(form.get("tellerName") ?? ""),
    themes: form.getAll("themes").map(String),
    consentPublish: form.get("consentPublish") === "on",
    consentQuote: form.get("consentQuote") === "on",
  };
  const submission = parseWithZod(form, { schema: recordSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "storyRequired";
    return { error: first, typed };
  }
  const outcome = await recordStory(user.id, resource, submission.value);
  return outcome.ok ? { recorded: true } : { error: outcome.error, typed };
}

export default function RecordStories({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  const locale = useLocale();
  const { agenda, event } = loaderData;
  const base = href("/buurtagenda/:id/vastleggen", { id: agenda.id });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>{agenda.title}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("recordTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("recordIntro")}</p>
      <section aria-labelledby="bijeenkomsten" className="stack">
        <h2 className="utrecht-heading-2" id="bijeenkomsten">
          {t("eventsTitle")}
        </h2>
        {loaderData.events.length === 0 ? (
          <p className="utrecht-paragraph">{t("eventsNone")}</p>
        ) : (
          <ul>
            {loaderData.events.map((e) => (
              <li key={e.id}>
                <Link
                  to={`${base}?bijeenkomst=${e.id}`}
                  aria-current={e.id === event?.id ? "page" : undefined}
                >
                  {t("eventItem", {
                    title: e.title,
                    date: formatDate(e.heldOn, locale),
                    count: e.storyCount,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary>{t("eventNew")}</summary>
          <EventForm
            lastResult={
              actionData && "eventResult" in actionData ? actionData.eventResult : undefined
            }
          />
        </details>
      </section>
      <section aria-labelledby="vastleggen" className="section">
        <h2 className="utrecht-heading-2" id="vastleggen">
          {event ? t("recordFor", { event: event.title }) : t("noEvent")}
        </h2>
        <RecordForm
          agendaId={agenda.id}
          apiUrl={href("/buurtagenda/:id/vastleggen/verhaal", { id: agenda.id })}
          eventId={event?.id ?? null}
          defaultChannel={event ? event.kind : "interview"}
          buurten={loaderData.buurten}
          themes={loaderData.themes}
        />
      </section>
      <section aria-labelledby="vastgelegd" className="section stack">
        <h2 className="utrecht-heading-2" id="vastgelegd">
          {event ? t("recordedAt", { event: event.title }) : t("recordedWithoutEvent")}
        </h2>
        {actionData && "withdrawnForTeller" in actionData ? (
          <StatusMessage>{t("withdrawnForTeller")}</StatusMessage>
        ) : null}
        {actionData && "withdrawRefused" in actionData ? (
          <FormAlert messages={[t("alreadyHandled")]} />
        ) : null}
        {loaderData.recorded.length === 0 ? (
          <p className="utrecht-paragraph">{t("recordedNone")}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("withdrawForTellerHelp")}</p>
            <ul className="story-list">
              {loaderData.recorded.map((story) => (
                <li key={story.id}>
                  <p className="utrecht-paragraph story-text">{story.text}</p>
                  <p className="source-note">
                    {story.buurt} ·{" "}
                    {story.tellerName
                      ? t("toldBy", { name: story.tellerName })
                      : t("toldAnonymous")}{" "}
                    · <span className="status-badge">{t(`status_${story.status}`)}</span>
                  </p>
                  {story.status !== "withdrawn" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw-for-teller" />
                      <input type="hidden" name="story" value={story.id} />
                      <SubmitButton variant="secondary">{t("withdrawForTeller")}</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function EventForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useText(storiesMessages);
  const [form, fields] = useForm<z.input<typeof eventSchema>>({ id: "bijeenkomst", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="event" />
      <SelectField
        field={fields.kind}
        label={t("eventKind")}
        placeholder={t("chooseEventKind")}
        options={[
          { value: "walk", label: t("eventKind_walk") },
          { value: "meeting", label: t("eventKind_meeting") },
        ]}
        errors={fields.kind.errors?.map(t)}
      />
      <TextField
        field={fields.title}
        label={t("eventTitle")}
        errors={fields.title.errors?.map(t)}
      />
      <TextField
        field={fields.heldOn}
        label={t("eventDate")}
        type="date"
        errors={fields.heldOn.errors?.map(t)}
      />
      <TextField
        field={fields.place}
        label={t("eventPlace")}
        required={false}
        errors={fields.place.errors?.map(t)}
      />
      <TextAreaField
        field={fields.invitedGroups}
        label={t("eventGroups")}
        rows={2}
        errors={fields.invitedGroups.errors?.map(t)}
      />
      <SubmitButton>{t("eventCreate")}</SubmitButton>
    </Form>
  );
}
