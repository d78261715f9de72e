import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/organisatie";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { ORGANISATION_KINDS, organisationDetailsSchema } from "../features/agenda/agenda.schema";
import { getOrganisation, updateOrganisation } from "../features/agenda/parties.server";
import { can, type Resource } from "../features/auth/permissions";
import { authenticate, type CurrentUser } from "../features/auth/session.server";
import { useText } from "../shared/i18n/i18n";
import { SelectField, StatusMessage, SubmitButton, TextField } from "../shared/ui/form";

// One organisation of the gemeente's register. Staff and the platform edit it; a partner edits
// the organisation they act for; the council reads.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.organisation.name} | Buurtagenda` : "Buurtagenda" },
];

async function load(request: Request, organisationId: string) {
  const organisation = await getOrganisation(organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const resource: Resource = {
    kind: "organisation",
    organisationId: organisation.id,
    gemeenteCode: organisation.gemeenteCode,
  };
  const { user } = await authenticate(request);
  const mayEdit =
    can(user, "organisation.edit", resource) || can(user, "organisation.editOwn", resource);
  const mayView = mayEdit || can(user, "organisation.view", resource);
  if (!mayView) throw data(null, { status: user ? 403 : 404 });
  return { organisation, user: user as CurrentUser, mayEdit };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { organisation, mayEdit } = await load(request, params.id);
  const contact = organisation.contacts[0];
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      website: organisation.website ?? "",
      contactName: contact?.name ?? "",
      contactEmail: contact?.email ?? "",
      contactPhone: contact?.phone ?? "",
    },
    mayEdit,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { organisation, user, mayEdit } = await load(request, params.id);
  if (!mayEdit) throw data(null, { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: organisationDetailsSchema });
  if (submission.status !== "success") return { result: submission.reply(), saved: false };
  const saved = await updateOrganisation(user.id, organisation.id, submission.value);
  if (saved === "duplicate") {
    return {
      result: submission.reply({ fieldErrors: { name: ["organisationDuplicate"] } }),
      saved: false,
    };
  }
  return { result: submission.reply(), saved: true };
}

export default function OrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const { organisation } = loaderData;
  const [form, fields] = useForm<z.input<typeof organisationDetailsSchema>>({
    lastResult: actionData?.result,
  });
  if (!loaderData.mayEdit) {
    return (
      <div className="stack">
        <h1 className="utrecht-heading-1">{organisation.name}</h1>
        <dl className="facts">
          <dt>{t("kind")}</dt>
          <dd>{t(`kind_${organisation.kind}`)}</dd>
          <dt>{t("contact")}</dt>
          <dd>{organisation.contactName || "—"}</dd>
        </dl>
        <p className="utrecht-paragraph">{t("readOnly")}</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{organisation.name}</h1>
      <p className="utrecht-paragraph">{t("organisationIntro")}</p>
      {actionData?.saved ? <StatusMessage>{t("organisationSaved")}</StatusMessage> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <TextField
          field={fields.name}
          label={t("name")}
          errors={fields.name.errors?.map(t)}
          defaultValue={organisation.name}
        />
        <SelectField
          field={fields.kind}
          label={t("kind")}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
          errors={fields.kind.errors?.map(t)}
          defaultValue={organisation.kind}
        />
        <TextField
          field={fields.website}
          label={t("website")}
          type="url"
          required={false}
          errors={fields.website.errors?.map(t)}
          defaultValue={organisation.website}
        />
        <TextField
          field={fields.contactName}
          label={t("contactName")}
          required={false}
          errors={fields.contactName.errors?.map(t)}
          defaultValue={organisation.contactName}
        />
        <TextField
          field={fields.contactEmail}
          label={t("contactEmail")}
          type="email"
          required={false}
          errors={fields.contactEmail.errors?.map(t)}
          defaultValue={organisation.contactEmail}
        />
        <TextField
          field={fields.contactPhone}
          label={t("contactPhone")}
          required={false}
          errors={fields.contactPhone.errors?.map(t)}
          defaultValue={organisation.contactPhone}
        />
        <SubmitButton>{t("save")}</SubmitButton>
      </Form>
    </div>
  );
}
