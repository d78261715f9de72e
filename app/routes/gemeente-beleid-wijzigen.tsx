import { parseWithZod } from "@conform-to/zod/v4";
import { Link, data, href, redirect } from "react-router";
import type { Route } from "./+types/gemeente-beleid-wijzigen";
import { authorize } from "../features/auth/auth-routes.server";
import { InstrumentForm } from "../features/ideas/instrument-form";
import { gemeenteOfParam } from "../features/ideas/instrument-routes.server";
import { ideasMessages } from "../features/ideas/ideas.messages";
import { instrumentSchema } from "../features/ideas/ideas.schema";
import { instrumentOf, saveInstrument } from "../features/ideas/instruments.server";
import { useText } from "../shared/i18n/i18n";

// Changing one instrument of the register (instrument.manage). Judgements that linked it keep
// the link; the register shows the new text.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.instrument.title} wijzigen | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

async function instrumentFor(request: Request, code: string, instrumentId: string) {
  const gemeente = await gemeenteOfParam(code);
  const user = await authorize(request, "instrument.manage", {
    kind: "gemeente",
    gemeenteCode: gemeente.code,
  });
  const instrument = await instrumentOf(gemeente.code, instrumentId);
  if (!instrument) throw data(null, { status: 404 });
  return { user: user!, gemeente, instrument };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { gemeente, instrument } = await instrumentFor(request, params.code, params.instrument);
  return {
    gemeente,
    instrument: {
      id: instrument.id,
      title: instrument.title,
      kind: instrument.kind,
      startYear: instrument.startYear,
      endYear: instrument.endYear,
      department: instrument.department,
      url: instrument.url,
      description: instrument.description,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, gemeente, instrument } = await instrumentFor(
    request,
    params.code,
    params.instrument,
  );
  const submission = parseWithZod(await request.formData(), { schema: instrumentSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await saveInstrument(user.id, gemeente.code, submission.value, instrument.id);
  if (!outcome) throw data(null, { status: 404 });
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { title: ["instrumentExists"] } }) };
  }
  return redirect(`${href("/gemeente/:code/beleid", { code: gemeente.code })}?opgeslagen=1`);
}

export default function ChangeInstrument({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(ideasMessages);
  const { gemeente, instrument } = loaderData;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/beleid", { code: gemeente.code })}>
          {t("registerTitle", { gemeente: gemeente.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("instrumentEditTitle", { title: instrument.title })}</h1>
      <InstrumentForm lastResult={actionData?.result} initial={instrument} />
    </div>
  );
}
