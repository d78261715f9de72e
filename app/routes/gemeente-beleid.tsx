import { parseWithZod } from "@conform-to/zod/v4";
import { Link, href, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/gemeente-beleid";
import { authorize } from "../features/auth/auth-routes.server";
import { can } from "../features/auth/permissions";
import { InstrumentForm, InstrumentPeriod } from "../features/ideas/instrument-form";
import { gemeenteOfParam } from "../features/ideas/instrument-routes.server";
import { ideasMessages } from "../features/ideas/ideas.messages";
import { instrumentSchema } from "../features/ideas/ideas.schema";
import { instrumentsOf, saveInstrument } from "../features/ideas/instruments.server";
import { useText } from "../shared/i18n/i18n";
import { StatusMessage } from "../shared/ui/form";

// The register of a gemeente's policy instruments (block 6). Public: these are the gemeente's own
// published plans. Staff (instrument.manage) add and change them.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Beleid en regelingen: ${data.gemeente.name} | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const gemeente = await gemeenteOfParam(params.code);
  const resource = { kind: "gemeente" as const, gemeenteCode: gemeente.code };
  const user = await authorize(request, "published.view", resource);
  return {
    gemeente,
    canManage: can(user, "instrument.manage", resource),
    instruments: (await instrumentsOf(gemeente.code)).map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      startYear: i.startYear,
      endYear: i.endYear,
      department: i.department,
      url: i.url,
      description: i.description,
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const gemeente = await gemeenteOfParam(params.code);
  const user = await authorize(request, "instrument.manage", {
    kind: "gemeente",
    gemeenteCode: gemeente.code,
  });
  const submission = parseWithZod(await request.formData(), { schema: instrumentSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await saveInstrument(user!.id, gemeente.code, submission.value);
  if (!outcome?.ok) {
    return { result: submission.reply({ fieldErrors: { title: ["instrumentExists"] } }) };
  }
  return redirect(`${href("/gemeente/:code/beleid", { code: gemeente.code })}?opgeslagen=1`);
}

export default function PolicyRegister({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(ideasMessages);
  const [search] = useSearchParams();
  const { gemeente } = loaderData;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code", { code: gemeente.code })}>{gemeente.name}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("registerTitle", { gemeente: gemeente.name })}</h1>
      <p className="utrecht-paragraph">{t("registerIntro")}</p>
      {search.get("opgeslagen") ? <StatusMessage>{t("instrumentSaved")}</StatusMessage> : null}
      {loaderData.instruments.length === 0 ? (
        <p className="utrecht-paragraph">{t("registerNone")}</p>
      ) : (
        <ul className="initiative-list">
          {loaderData.instruments.map((i) => (
            <li key={i.id}>
              <h2 className="utrecht-heading-3">{i.title}</h2>
              <p className="source-note">
                {t(`kind_${i.kind}`)} · <InstrumentPeriod from={i.startYear} to={i.endYear} />
                {i.department ? ` · ${t("department")}: ${i.department}` : ""}
              </p>
              {i.description ? <p className="utrecht-paragraph">{i.description}</p> : null}
              {i.url ? (
                <p className="utrecht-paragraph">
                  <a href={i.url} rel="noopener noreferrer external">
                    {t("link")}
                    <span className="visually-hidden">: {i.title}</span>
                  </a>
                </p>
              ) : null}
              {loaderData.canManage ? (
                <p className="utrecht-paragraph">
                  <Link
                    to={href("/gemeente/:code/beleid/:instrument", {
                      code: gemeente.code,
                      instrument: i.id,
                    })}
                  >
                    {t("instrumentEdit")}
                    <span className="visually-hidden">: {i.title}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {loaderData.canManage ? (
        <section className="section stack" aria-labelledby="nieuw-beleid">
          <h2 className="utrecht-heading-2" id="nieuw-beleid">
            {t("instrumentNew")}
          </h2>
          <InstrumentForm lastResult={actionData?.result} />
        </section>
      ) : null}
    </div>
  );
}
