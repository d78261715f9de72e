import { parseWithZod } from "@conform-to/zod/v4";
import { data, href, redirect } from "react-router";
import type { Route } from "./+types/buurtagenda-starten";
import { AgendaDetailsForm } from "../features/agenda/agenda-details-form";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { startAgendaSchema } from "../features/agenda/agenda.schema";
import { checkArea, startAgenda } from "../features/agenda/agenda.server";
import { authorize } from "../features/auth/auth-routes.server";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import { getGemeenteWithAreas } from "../features/territory/territory.server";
import { getFocusArea } from "../features/scan/focus.server";
import { useText } from "../shared/i18n/i18n";

export const meta: Route.MetaFunction = () => [{ title: "Buurtagenda starten | Buurtagenda" }];

async function gemeenteOf(code: string) {
  const parsed = gemeenteCodeParam.safeParse(code);
  const found = parsed.success ? await getGemeenteWithAreas(parsed.data) : null;
  if (!found) throw data(null, { status: 404 });
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { gemeente, wijken } = await gemeenteOf(params.code);
  await authorize(request, "agenda.start", { kind: "gemeente", gemeenteCode: gemeente.code });
  // Started from a designated focus area: its name and buurten fill the form.
  const focusAreaId = new URL(request.url).searchParams.get("aandachtsgebied");
  const focusArea = focusAreaId ? await getFocusArea(gemeente.code, focusAreaId) : null;
  return {
    current: focusArea
      ? {
          title: focusArea.name,
          publicDescription: "",
          startsOn: "",
          endsOn: "",
          buurtCodes: focusArea.buurtCodes,
        }
      : undefined,
    gemeente: { code: gemeente.code, name: gemeente.name },
    wijken: wijken.map((w) => ({
      code: w.code,
      name: w.name,
      buurten: w.buurten.map((b) => ({ code: b.code, name: b.name })),
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { gemeente } = await gemeenteOf(params.code);
  const user = await authorize(request, "agenda.start", {
    kind: "gemeente",
    gemeenteCode: gemeente.code,
  });
  const submission = parseWithZod(await request.formData(), { schema: startAgendaSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const area = await checkArea(submission.value.buurtCodes);
  if (area.status !== "ok") {
    const key = area.status === "two-gemeenten" ? "buurtenTwoGemeenten" : "buurtUnknown";
    return { result: submission.reply({ fieldErrors: { buurtCodes: [key] } }) };
  }
  // The buurten decide the gemeente; they must be the gemeente this page (and the check) is for.
  if (area.gemeenteCode !== gemeente.code) {
    return { result: submission.reply({ fieldErrors: { buurtCodes: ["buurtenTwoGemeenten"] } }) };
  }
  const agendaId = await startAgenda(user!.id, submission.value, area);
  return redirect(href("/buurtagenda/:id/werkruimte", { id: agendaId }));
}

export default function StartAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("startTitle")}</h1>
      <p className="utrecht-paragraph">{loaderData.gemeente.name}</p>
      <p className="utrecht-paragraph">{t("startIntro")}</p>
      <AgendaDetailsForm
        wijken={loaderData.wijken}
        lastResult={actionData?.result}
        current={loaderData.current}
        submitLabel={t("startButton")}
      />
    </div>
  );
}
