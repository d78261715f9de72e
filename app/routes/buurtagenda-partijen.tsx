import type { z } from "zod";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href } from "react-router";
import type { Route } from "./+types/buurtagenda-partijen";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import {
  INVITABLE_ROLES,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  invitationSchema,
  organisationSchema,
  INVITATION_STATUSES,
  partySchema,
  partyUpdateSchema,
} from "../features/agenda/agenda.schema";
import {
  addParty,
  createOrganisation,
  getParties,
  invite,
  removeParty,
  updateParty,
} from "../features/agenda/parties.server";
import { requestContext } from "../features/auth/auth-routes.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import {
  SelectField,
  StatusMessage,
  FormAlert,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Block 3: who takes part, in which role; the gemeente's register of organisations; invitations.

export const meta: Route.MetaFunction = () => [{ title: "Partijen | Buurtagenda" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const { parties, organisations, invitations } = await getParties(
    resource.agendaId,
    resource.gemeenteCode,
  );
  const now = Date.now();
  return {
    agendaId: resource.agendaId,
    parties: parties.map((p) => ({
      id: p.id,
      organisation: p.organisation.name,
      organisationId: p.organisation.id,
      kind: p.organisation.kind,
      participationRole: p.participationRole,
      invitationStatus: p.invitationStatus,
      commitment: p.commitment,
      contact: p.organisation.contacts[0]?.name ?? null,
    })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      state: i.acceptedAt ? "accepted" : i.expiresAt.getTime() < now ? "expired" : "open",
      expiresAt: i.expiresAt.toISOString(),
    })),
    can: permissionsOn(user, resource, ["party.manage"]),
  };
}

type Intent = "organisation" | "party" | "removeParty" | "updateParty" | "invite";

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "party.manage");
  const formData = await request.formData();
  const intent = String(formData.get("intent")) as Intent;
  // A reset form's reply carries no status, so success is said explicitly.
  const done = (result: SubmissionResult<string[]>, saved = false) => ({ intent, result, saved });
  switch (intent) {
    case "organisation": {
      const submission = parseWithZod(formData, { schema: organisationSchema });
      if (submission.status !== "success") return done(submission.reply());
      const created = await createOrganisation(
        user.id,
        resource.agendaId,
        resource.gemeenteCode,
        submission.value,
      );
      if (created.status === "duplicate")
        return done(submission.reply({ fieldErrors: { name: ["organisationDuplicate"] } }));
      return done(submission.reply({ resetForm: true }), true);
    }
    case "party": {
      const submission = parseWithZod(formData, { schema: partySchema });
      if (submission.status !== "success") return done(submission.reply());
      const added = await addParty(
        user.id,
        resource.agendaId,
        resource.gemeenteCode,
        submission.value,
      );
      if (added === "unknown-organisation")
        return done(
          submission.reply({ fieldErrors: { organisationId: ["organisationRequired"] } }),
        );
      if (added === "already-a-party")
        return done(submission.reply({ fieldErrors: { organisationId: ["alreadyParty"] } }));
      return done(submission.reply({ resetForm: true }), true);
    }
    case "removeParty": {
      const removed = await removeParty(
        user.id,
        resource.agendaId,
        String(formData.get("partyId")),
      );
      if (removed === "owns-agreements") {
        return { intent, result: undefined, saved: false, refused: "partyOwnsAgreements" };
      }
      return { intent, result: undefined, saved: true };
    }
    case "updateParty": {
      const submission = parseWithZod(formData, { schema: partyUpdateSchema });
      if (submission.status !== "success") throw data(null, { status: 400 });
      if (!(await updateParty(user.id, resource.agendaId, submission.value)))
        throw data(null, { status: 404 });
      return { intent, result: undefined, saved: true };
    }
    case "invite": {
      const submission = parseWithZod(formData, { schema: invitationSchema });
      if (submission.status !== "success") return done(submission.reply());
      const ctx = requestContext(request, context);
      const sent = await invite(user.id, resource.agendaId, submission.value, ctx);
      if (sent === "unknown-party")
        return done(submission.reply({ fieldErrors: { partyId: ["organisationRequired"] } }));
      return done(submission.reply({ resetForm: true }), true);
    }
    default:
      throw data(null, { status: 400 });
  }
}

type Result = SubmissionResult<string[]> | undefined;

export default function PartiesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const locale = useLocale();
  const manage = loaderData.can["party.manage"];
  const resultFor = (intent: Intent) =>
    actionData?.intent === intent ? actionData.result : undefined;
  const savedFor = (intent: Intent) => Boolean(actionData?.intent === intent && actionData.saved);
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: loaderData.agendaId })}>
          {t("back")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("partiesTitle")}</h1>
      <p className="utrecht-paragraph">{t("block3Explain")}</p>
      {!manage ? <p className="utrecht-paragraph">{t("readOnly")}</p> : null}
      {actionData && "refused" in actionData && actionData.refused ? (
        <FormAlert messages={[t(actionData.refused)]} />
      ) : null}

      {loaderData.parties.length === 0 ? (
        <p className="utrecht-paragraph">{t("partiesEmpty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("organisation")}</th>
              <th scope="col">{t("participationRole")}</th>
              <th scope="col">{t("invitationStatus")}</th>
              <th scope="col">{t("contact")}</th>
              {manage ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {loaderData.parties.map((party) => (
              <tr key={party.id}>
                <th scope="row">
                  <Link to={href("/organisatie/:id", { id: party.organisationId })}>
                    {party.organisation}
                  </Link>
                  <br />
                  <small>{t(`kind_${party.kind}`)}</small>
                  {party.commitment ? (
                    <p className="utrecht-paragraph">{party.commitment}</p>
                  ) : null}
                </th>
                <td>{t(`role_${party.participationRole}`)}</td>
                <td>{t(`invitation_${party.invitationStatus}`)}</td>
                <td>{party.contact ?? "—"}</td>
                {manage ? (
                  <td>
                    <PartyEdit party={party} />
                    <Form method="post">
                      <input type="hidden" name="partyId" value={party.id} />
                      <SubmitButton variant="secondary" name="intent" value="removeParty">
                        {t("remove")}
                        <span className="visually-hidden">: {party.organisation}</span>
                      </SubmitButton>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {manage ? (
        <>
          <section className="section" aria-labelledby="partij-toevoegen">
            <h2 className="utrecht-heading-2" id="partij-toevoegen">
              {t("addPartyTitle")}
            </h2>
            <PartyForm organisations={loaderData.organisations} lastResult={resultFor("party")} />
          </section>
          <section className="section" aria-labelledby="register">
            <h2 className="utrecht-heading-2" id="register">
              {t("registerTitle")}
            </h2>
            <p className="utrecht-paragraph">{t("registerIntro")}</p>
            <OrganisationForm
              lastResult={resultFor("organisation")}
              saved={savedFor("organisation")}
            />
          </section>
          <section className="section" aria-labelledby="uitnodigen">
            <h2 className="utrecht-heading-2" id="uitnodigen">
              {t("inviteTitle")}
            </h2>
            <p className="utrecht-paragraph">{t("inviteIntro")}</p>
            <InviteForm
              parties={loaderData.parties}
              lastResult={resultFor("invite")}
              saved={savedFor("invite")}
            />
          </section>
        </>
      ) : null}

      <section className="section" aria-labelledby="uitnodigingen">
        <h2 className="utrecht-heading-2" id="uitnodigingen">
          {t("invitationsTitle")}
        </h2>
        {loaderData.invitations.length === 0 ? (
          <p className="utrecht-paragraph">—</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.invitations.map((i) => (
              <li key={i.id}>
                {i.email} ({t(`invitableRole_${i.role}`)}):{" "}
                {i.state === "accepted"
                  ? t("invitationAccepted")
                  : i.state === "expired"
                    ? t("invitationExpired")
                    : t("invitationOpen", { date: formatDate(i.expiresAt, locale) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PartyForm({
  organisations,
  lastResult,
}: {
  organisations: { id: string; name: string }[];
  lastResult: Result;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof partySchema>>({ id: "party", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <SelectField
        field={fields.organisationId}
        label={t("organisation")}
        placeholder={t("chooseOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        errors={fields.organisationId.errors?.map(t)}
      />
      <SelectField
        field={fields.participationRole}
        label={t("participationRole")}
        placeholder={t("choose")}
        options={PARTICIPATION_ROLES.map((r) => ({ value: r, label: t(`role_${r}`) }))}
        errors={fields.participationRole.errors?.map(t)}
      />
      <TextAreaField
        field={fields.commitment}
        label={t("commitment")}
        errors={fields.commitment.errors?.map(t)}
        rows={2}
      />
      <SubmitButton name="intent" value="party">
        {t("addParty")}
      </SubmitButton>
    </Form>
  );
}

function OrganisationForm({ lastResult, saved }: { lastResult: Result; saved: boolean }) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof organisationSchema>>({
    id: "organisation",
    lastResult,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <TextField field={fields.name} label={t("name")} errors={fields.name.errors?.map(t)} />
      <SelectField
        field={fields.kind}
        label={t("kind")}
        placeholder={t("choose")}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
        errors={fields.kind.errors?.map(t)}
      />
      <TextField
        field={fields.contactName}
        label={t("contactName")}
        required={false}
        autoComplete="off"
        errors={fields.contactName.errors?.map(t)}
      />
      <TextField
        field={fields.contactEmail}
        label={t("contactEmail")}
        type="email"
        required={false}
        autoComplete="off"
        errors={fields.contactEmail.errors?.map(t)}
      />
      <TextField
        field={fields.contactPhone}
        label={t("contactPhone")}
        required={false}
        autoComplete="off"
        errors={fields.contactPhone.errors?.map(t)}
      />
      <SubmitButton name="intent" value="organisation">
        {t("registerButton")}
      </SubmitButton>
    </Form>
  );
}

function InviteForm({
  parties,
  lastResult,
  saved,
}: {
  parties: { id: string; organisation: string }[];
  lastResult: Result;
  saved: boolean;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof invitationSchema>>({ id: "invite", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("inviteSent")}</StatusMessage> : null}
      <TextField
        field={fields.email}
        label={t("inviteEmail")}
        type="email"
        autoComplete="off"
        errors={fields.email.errors?.map(t)}
      />
      <SelectField
        field={fields.role}
        label={t("inviteRole")}
        placeholder={t("choose")}
        options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`invitableRole_${r}`) }))}
        errors={fields.role.errors?.map(t)}
      />
      <SelectField
        field={fields.partyId}
        label={t("inviteParty")}
        placeholder={t("noParty")}
        required={false}
        options={parties.map((p) => ({ value: p.id, label: p.organisation }))}
        errors={fields.partyId.errors?.map(t)}
      />
      <SubmitButton name="intent" value="invite">
        {t("inviteButton")}
      </SubmitButton>
    </Form>
  );
}

function PartyEdit({
  party,
}: {
  party: {
    id: string;
    organisation: string;
    participationRole: string;
    invitationStatus: string;
    commitment: string;
  };
}) {
  const t = useText(agendaMessages);
  const id = (name: string) => `party-${party.id}-${name}`;
  return (
    <details className="party-edit">
      <summary>
        {t("editParty")}
        <span className="visually-hidden">: {party.organisation}</span>
      </summary>
      <Form method="post" className="form">
        <input type="hidden" name="partyId" value={party.id} />
        <div className="form-field">
          <label htmlFor={id("role")}>{t("participationRole")}</label>
          <select
            id={id("role")}
            name="participationRole"
            defaultValue={party.participationRole}
            className="utrecht-select utrecht-select--html-select"
          >
            {PARTICIPATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={id("status")}>{t("invitationStatus")}</label>
          <select
            id={id("status")}
            name="invitationStatus"
            defaultValue={party.invitationStatus}
            className="utrecht-select utrecht-select--html-select"
          >
            {INVITATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`invitation_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={id("commitment")}>{t("commitment")}</label>
          <textarea
            id={id("commitment")}
            name="commitment"
            rows={2}
            defaultValue={party.commitment}
            className="utrecht-textarea"
          />
        </div>
        <SubmitButton variant="secondary" name="intent" value="updateParty">
          {t("saveParty")}
        </SubmitButton>
      </Form>
    </details>
  );
}
