import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/buurtagenda-tekst";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { AgendaEditor } from "../features/document/agenda-editor";
import { agreementsOf } from "../features/document/agreements.server";
import {
  checkDocument,
  embeddedIds,
  templateDocument,
  textBlocks,
  type DocNode,
} from "../features/document/document";
import { DocumentView, PlainLanguageList } from "../features/document/document-view";
import {
  draftOf,
  embedRecords,
  publish,
  saveDraft,
  signOff,
  signOffState,
  versionsOf,
} from "../features/document/document.server";
import { documentMessages } from "../features/document/document.messages";
import { plainLanguageFlags } from "../features/document/plain-language";
import { findingChoices, ideaViewer } from "../features/ideas/ideas.server";
import { quotableStories } from "../features/stories/stories.server";
import {
  formatDay,
  formatDateTime,
  localeFromCookieHeader,
  translate,
  useLocale,
  useText,
} from "../shared/i18n/i18n";
import { FormAlert, StatusMessage, SubmitButton } from "../shared/ui/form";

// Block 7: the agenda text, written together. Saving names the revision it started from, so a
// stale save is refused and the writer merges instead of overwriting. The deciding parties sign
// off on a revision; staff (agenda.publish) publish it as a numbered, frozen version.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Tekst: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const locale = localeFromCookieHeader(request.headers.get("Cookie"));
  const t = (key: keyof typeof documentMessages.nl) => translate(documentMessages, locale, key);
  const [details, draft, agreements, findings, stories, signOffs, versions] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    draftOf(resource.agendaId),
    agreementsOf(resource.agendaId, { sorteer: "datum" }),
    // The agenda is public: it can embed only findings residents may see.
    findingChoices(resource.agendaId, ideaViewer(null, resource)),
    quotableStories(resource.buurtCodes),
    signOffState(resource, user),
    versionsOf(resource.agendaId),
  ]);
  const doc =
    draft.content ??
    templateDocument({
      why: t("templateWhy"),
      figures: t("templateFigures"),
      stories: t("templateStories"),
      together: t("templateTogether"),
      followUp: t("templateFollowUp"),
      placeholder: t("templatePlaceholder"),
    });
  const inDoc = embeddedIds(doc);
  // Records for what the text embeds and for everything that can be inserted, so a new block
  // shows its record at once.
  const records = await embedRecords(resource, {
    agreementEmbed: [...new Set([...inDoc.agreementEmbed, ...agreements.map((a) => a.id)])],
    findingEmbed: [...new Set([...inDoc.findingEmbed, ...findings.map((f) => f.id)])],
    storyQuote: [...new Set([...inDoc.storyQuote, ...stories.map((s) => s.id)])],
  });
  const can = permissionsOn(user, resource, ["agenda.draft", "agenda.publish"]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    can,
    draft: { doc, revision: draft.revision, saved: draft.content !== null },
    flags: plainLanguageFlags(textBlocks(doc)),
    records,
    choices: {
      agreements: agreements.map((a) => ({ id: a.id, title: a.title })),
      findings: findings.map((f) => ({ id: f.id, title: f.title })),
      stories,
    },
    signOff: {
      revision: signOffs.revision,
      complete: signOffs.complete,
      parties: signOffs.parties.map((p) => ({ ...p, at: p.at?.toISOString() ?? null })),
    },
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString() })),
    publishedThisRevision: versions.some(
      (v) => v.revision === draft.revision && draft.revision > 0,
    ),
    nextNumber: (versions[0]?.number ?? 0) + 1,
  };
}

const saveSchema = z.object({
  content: z.string(),
  revision: z.coerce.number().int().min(0).max(2_147_483_647),
});

/** What the writer sent, back into the editor after a refused save: nothing typed is lost. */
function writersText(content: string): DocNode | null {
  try {
    const parsed = JSON.parse(content) as DocNode;
    return parsed && parsed.type === "doc" ? parsed : null;
  } catch {
    return null;
  }
}
const signOffSchema = z.object({
  partyId: z.string().max(40),
  revision: z.coerce.number().int().min(1).max(2_147_483_647),
  decision: z.enum(["approved", "declined"]),
  reason: z.string().trim().max(1000).default(""),
});

export async function action({ request, params }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const back = href("/buurtagenda/:id/tekst", { id: params.id });
  switch (form.intent) {
    case "save": {
      const { user, resource } = await agendaForChange(request, params.id, "agenda.draft");
      const parsed = saveSchema.safeParse(form);
      if (!parsed.success) return { error: "documentInvalid" as const, mine: null };
      const checked = checkDocument(parsed.data.content);
      if (!checked.ok) return { error: checked.error, mine: writersText(parsed.data.content) };
      const outcome = await saveDraft(user.id, resource, checked.doc, parsed.data.revision);
      if (outcome.ok) return redirect(`${back}?opgeslagen=${outcome.revision}`);
      if (outcome.error === "stale") {
        // Nothing is lost: the writer's text comes back into the editor, next to the current one.
        return { error: "stale" as const, mine: checked.doc, theirs: outcome.current };
      }
      return { error: outcome.error, mine: checked.doc };
    }
    case "signoff": {
      // Whoever answers for a party must be able to read the draft (and act for the party).
      const { user, resource } = await agendaForChange(request, params.id, "agenda.view");
      const parsed = signOffSchema.safeParse(form);
      if (!parsed.success) throw data(null, { status: 400 });
      if (parsed.data.decision === "declined" && !parsed.data.reason) {
        return { signOffError: "signOffReasonRequired" as const, partyId: parsed.data.partyId };
      }
      const outcome = await signOff(user, resource, parsed.data);
      if (outcome === "not-member" || outcome === "not-deciding") {
        throw data(null, { status: 403 });
      }
      if (outcome === "stale" || outcome === "no-draft") {
        return { signOffError: "signOffStale" as const, partyId: parsed.data.partyId };
      }
      return redirect(`${back}?akkoord=1#akkoord`);
    }
    case "publish": {
      const { user, resource } = await agendaForChange(request, params.id, "agenda.publish");
      const revision = Number(form.revision);
      const outcome = await publish(user.id, resource, Number.isInteger(revision) ? revision : -1);
      if (!outcome.ok) return { publishError: outcome.error };
      return redirect(
        `${href("/buurtagenda/:id/versie/:number", { id: resource.agendaId, number: String(outcome.number) })}?gepubliceerd=1`,
      );
    }
    default:
      throw data(null, { status: 400 });
  }
}

export default function AgendaText({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(documentMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { agenda, draft, signOff: signOffs } = loaderData;
  const stale = actionData && "error" in actionData && actionData.error === "stale";
  const mine = actionData && "mine" in actionData ? actionData.mine : null;
  const theirs = stale && "theirs" in actionData ? actionData.theirs : null;
  const saveError = actionData && "error" in actionData ? actionData.error : null;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
          {t("backToWorkspace")}
        </Link>{" "}
        ·{" "}
        <Link to={href("/buurtagenda/:id/afspraken", { id: agenda.id })}>
          {t("agreementsPublic")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("documentTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("documentIntro")}</p>
      {search.get("opgeslagen") ? (
        <StatusMessage>{t("saved", { revision: search.get("opgeslagen")! })}</StatusMessage>
      ) : null}
      <p className="source-note">
        {draft.saved ? t("draftRevision", { revision: draft.revision }) : t("draftNew")}
      </p>

      {loaderData.can["agenda.draft"] ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="revision" value={theirs ? theirs.revision : draft.revision} />
          {saveError ? <FormAlert messages={[t(saveError)]} /> : null}
          <AgendaEditor
            resetKey={theirs ? `stale-${theirs.revision}` : `revision-${draft.revision}`}
            initial={(mine as DocNode | null) ?? draft.doc}
            records={loaderData.records}
            choices={loaderData.choices}
            fieldName="content"
            label={t("documentLabel")}
          />
          <SubmitButton>{t("save")}</SubmitButton>
        </Form>
      ) : (
        <>
          <DocumentView doc={draft.doc} records={loaderData.records} />
          <PlainLanguageList flags={loaderData.flags} />
        </>
      )}
      {theirs?.content ? (
        <section className="section stack" aria-labelledby="hun-tekst">
          <h2 className="utrecht-heading-2" id="hun-tekst">
            {t("theirText", { revision: theirs.revision })}
          </h2>
          <DocumentView doc={theirs.content} records={loaderData.records} />
        </section>
      ) : null}

      <section className="section stack" aria-labelledby="akkoord">
        <h2 className="utrecht-heading-2" id="akkoord">
          {t("signOffTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("signOffIntro")}</p>
        {search.get("akkoord") ? <StatusMessage>{t("signOffSaved")}</StatusMessage> : null}
        {actionData && "signOffError" in actionData && actionData.signOffError ? (
          <FormAlert messages={[t(actionData.signOffError)]} />
        ) : null}
        {signOffs.parties.length === 0 ? (
          <p className="utrecht-paragraph">{t("signOffNoParties")}</p>
        ) : signOffs.revision === 0 ? (
          <p className="utrecht-paragraph">{t("signOffNoDraft")}</p>
        ) : (
          <ul className="initiative-list">
            {signOffs.parties.map((p) => (
              <li key={p.partyId}>
                <strong>{p.name}</strong>:{" "}
                {p.outdated
                  ? t("signOffOutdated")
                  : p.decision === "approved"
                    ? t("signOffApproved", { date: formatDateTime(p.at!, locale) })
                    : p.decision === "declined"
                      ? t("signOffDeclined", {
                          date: formatDateTime(p.at!, locale),
                          reason: p.reason,
                        })
                      : t("signOffWaiting")}
                {p.mine ? (
                  <Form method="post" className="form">
                    <input type="hidden" name="intent" value="signoff" />
                    <input type="hidden" name="partyId" value={p.partyId} />
                    <input type="hidden" name="revision" value={signOffs.revision} />
                    <div className="form-field">
                      <label htmlFor={`reden-${p.partyId}`}>{t("signOffReason")}</label>
                      <textarea
                        id={`reden-${p.partyId}`}
                        name="reason"
                        rows={2}
                        className="utrecht-textarea"
                      />
                    </div>
                    <SubmitButton name="decision" value="approved">
                      {t("signOffApprove", { party: p.name })}
                    </SubmitButton>{" "}
                    <SubmitButton name="decision" value="declined" variant="secondary">
                      {t("signOffDecline", { party: p.name })}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section stack" aria-labelledby="publiceren">
        <h2 className="utrecht-heading-2" id="publiceren">
          {t("publishTitle")}
        </h2>
        {actionData && "publishError" in actionData && actionData.publishError ? (
          <FormAlert messages={[t(actionData.publishError)]} />
        ) : null}
        <p className="utrecht-paragraph">
          {signOffs.complete ? t("publishReady") : t("publishNotReady")}
        </p>
        {loaderData.can["agenda.publish"] && !loaderData.publishedThisRevision ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="revision" value={signOffs.revision} />
            <SubmitButton>{t("publish", { number: loaderData.nextNumber })}</SubmitButton>
          </Form>
        ) : null}
        <h3 className="utrecht-heading-3">{t("versionsTitle")}</h3>
        {loaderData.versions.length === 0 ? (
          <p className="utrecht-paragraph">{t("versionsNone")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.versions.map((v) => (
              <li key={v.number}>
                <Link
                  to={href("/buurtagenda/:id/versie/:number", {
                    id: agenda.id,
                    number: String(v.number),
                  })}
                >
                  {t("versionLink", {
                    number: v.number,
                    date: formatDay(v.publishedAt, locale),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
