import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/buurtagenda-afspraken";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { formatEuros } from "../features/agenda/money";
import { AgreementForm } from "../features/document/agreement-form";
import {
  AGREEMENT_STATUSES,
  agreementListSchema,
  agreementSchema,
} from "../features/document/agreements.schema";
import {
  agreementChoices,
  agreementsOf,
  saveAgreement,
} from "../features/document/agreements.server";
import { documentMessages } from "../features/document/document.messages";
import { isOverdue } from "../features/progress/progress.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { PlainSelect } from "../shared/ui/form";

// The agreements of a buurtagenda (block 7): a list to sort and filter (GET, so a view can be
// shared), and for the platform and staff (agenda.draft) a form for a new one.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Afspraken: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const search = new URL(request.url).searchParams;
  const query = agreementListSchema.parse(Object.fromEntries(search));
  const canDraft = permissionsOn(user, resource, ["agenda.draft"])["agenda.draft"];
  const [details, agreements, choices] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    agreementsOf(resource.agendaId, query),
    agreementChoices(resource.agendaId),
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    canDraft,
    query,
    filtered: Boolean(query.status || query.eigenaar),
    agreements: agreements.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      status: a.status,
      startsOn: a.startsOn.toISOString(),
      dueOn: a.dueOn.toISOString(),
      costEuros: a.costEuros,
      findingCount: a.findingCount,
      ideaCount: a.ideaCount,
      overdue: isOverdue(a),
    })),
    choices,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "agenda.draft");
  const submission = parseWithZod(await request.formData(), { schema: agreementSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await saveAgreement(user.id, resource, submission.value);
  if (!outcome?.ok) {
    const field = outcome?.field ?? "owner";
    return {
      result: submission.reply({ fieldErrors: { [field]: [outcome?.error ?? "ownerRequired"] } }),
    };
  }
  return redirect(
    `${href("/buurtagenda/:id/afspraken/:agreement", { id: resource.agendaId, agreement: outcome.id })}?opgeslagen=1`,
  );
}

export default function Agreements({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(documentMessages);
  const locale = useLocale();
  const { agenda, query, choices } = loaderData;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
          {t("backToWorkspace")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("agreementsTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("agreementsIntro")}</p>
      <Form method="get" className="form inline-fields">
        <PlainSelect
          id="sorteer"
          name="sorteer"
          label={t("sortBy")}
          defaultValue={query.sorteer}
          options={(["datum", "status", "eigenaar", "kosten"] as const).map((s) => ({
            value: s,
            label: t(`sort_${s}`),
          }))}
        />
        <PlainSelect
          id="status"
          name="status"
          label={t("filterStatus")}
          emptyLabel={t("filterAll")}
          defaultValue={query.status ?? ""}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
        />
        <PlainSelect
          id="eigenaar"
          name="eigenaar"
          label={t("filterOwner")}
          emptyLabel={t("filterAll")}
          defaultValue={query.eigenaar ?? ""}
          options={choices.parties.map((p) => ({ value: p.id, label: p.name }))}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("show")}
        </button>
      </Form>
      {loaderData.agreements.length === 0 ? (
        <p className="utrecht-paragraph">
          {t(loaderData.filtered ? "agreementsNoneFiltered" : "agreementsNone")}
        </p>
      ) : (
        <ul className="initiative-list">
          {loaderData.agreements.map((a) => (
            <li key={a.id}>
              <Link
                to={href("/buurtagenda/:id/afspraken/:agreement", {
                  id: agenda.id,
                  agreement: a.id,
                })}
              >
                {a.title}
              </Link>{" "}
              <span className="status-badge">{t(`status_${a.status}`)}</span>
              {a.overdue ? <span className="status-badge">{t("overdueBadge")}</span> : null}
              <p className="source-note">
                {a.owner} ·{" "}
                {t("period", {
                  from: formatDate(a.startsOn, locale),
                  to: formatDate(a.dueOn, locale),
                })}{" "}
                ·{" "}
                {a.costEuros === null
                  ? t("noCost")
                  : t("costShown", { cost: formatEuros(a.costEuros, locale) })}{" "}
                · {t("evidenceCount", { findings: a.findingCount, ideas: a.ideaCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {loaderData.canDraft ? (
        <section className="section stack" aria-labelledby="nieuwe-afspraak">
          <h2 className="utrecht-heading-2" id="nieuwe-afspraak">
            {t("agreementNew")}
          </h2>
          <AgreementForm choices={choices} lastResult={actionData?.result} />
        </section>
      ) : null}
    </div>
  );
}
