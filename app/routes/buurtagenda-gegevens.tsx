import { parseWithZod } from "@conform-to/zod/v4";
import { Link, href, redirect } from "react-router";
import type { Route } from "./+types/buurtagenda-gegevens";
import { AgendaDetailsForm } from "../features/agenda/agenda-details-form";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { agendaFor, agendaForChange } from "../features/agenda/agenda-routes.server";
import { startAgendaSchema } from "../features/agenda/agenda.schema";
import { checkArea, getAgendaDetails, updateAgendaDetails } from "../features/agenda/agenda.server";
import { getGemeenteWithAreas } from "../features/territory/territory.server";
import { useText } from "../shared/i18n/i18n";

export const meta: Route.MetaFunction = () => [{ title: "Gegevens wijzigen | Buurtagenda" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { resource } = await agendaFor(request, params.id, "agenda.edit");
  const [details, territory] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    getGemeenteWithAreas(resource.gemeenteCode),
  ]);
  return {
    agendaId: resource.agendaId,
    details,
    wijken: (territory?.wijken ?? []).map((w) => ({
      code: w.code,
      name: w.name,
      buurten: w.buurten.map((b) => ({ code: b.code, name: b.name })),
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "agenda.edit");
  const submission = parseWithZod(await request.formData(), { schema: startAgendaSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const area = await checkArea(submission.value.buurtCodes);
  if (area.status !== "ok" || area.gemeenteCode !== resource.gemeenteCode) {
    const key = area.status === "unknown-buurt" ? "buurtUnknown" : "buurtenTwoGemeenten";
    return { result: submission.reply({ fieldErrors: { buurtCodes: [key] } }) };
  }
  await updateAgendaDetails(user.id, resource.agendaId, submission.value, area);
  return redirect(href("/buurtagenda/:id/werkruimte", { id: resource.agendaId }));
}

export default function EditAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: loaderData.agendaId })}>
          {t("back")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("editDetailsTitle")}</h1>
      <AgendaDetailsForm
        wijken={loaderData.wijken}
        lastResult={actionData?.result}
        current={loaderData.details}
        submitLabel={t("save")}
      />
    </div>
  );
}
