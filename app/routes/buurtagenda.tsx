import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/buurtagenda";
import { agendaPublicMessages } from "../features/agenda/agenda-public.messages";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { follow, isFollowing } from "../features/document/followers.server";
import { StatusMessage, SubmitButton } from "../shared/ui/form";
import { getPublicAgenda } from "../features/agenda/agenda.server";
import { AreaMap } from "../features/territory/area-map";
import { territoryMessages } from "../features/territory/territory.messages";
import { toFeatureCollection } from "../features/territory/territory.server";
import { placementOf, type AreaGeometry } from "../features/territory/geo";
import { publishedSection } from "../features/stories/published-page.server";
import { embeddedIds } from "../features/document/document";
import { AgreementCard, DocumentView } from "../features/document/document-view";
import { EMPTY_RECORDS, embedRecords, newestVersion } from "../features/document/document.server";
import { documentMessages } from "../features/document/document.messages";
import { PublishedStories } from "../features/stories/published-stories";
import { storiesPublicMessages } from "../features/stories/stories-public.messages";
import { env } from "../shared/env.server";
import { commonMessages } from "../shared/i18n/common.messages";
import { formatDate, formatDay, useLocale, useText } from "../shared/i18n/i18n";
import { EvaluationView } from "../features/progress/evaluation-view";
import { evaluationMessages } from "../features/progress/evaluation.messages";
import { evaluationsOf } from "../features/progress/evaluation.server";
import { budgetPhaseMessages } from "../features/budget/budget-phase.messages";
import { roundsOf } from "../features/budget/budget.server";
import { formatEuros } from "../features/agenda/money";
import { publicPageHeaders } from "../shared/page-cache";

// The public page of a buurtagenda: what residents see. No internal notes, no rankings.

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "published.view");
  const agenda = await getPublicAgenda(resource.agendaId);
  if (!agenda) throw data(null, { status: 404 });
  const buurten = agenda.buurten.map((b) => b.buurt);
  const { bbox } = placementOf(buurten.map((b) => b.geometry as unknown as AreaGeometry));
  const url = new URL(request.url);
  const [version, following, evaluations, rounds] = await Promise.all([
    newestVersion(resource.agendaId),
    user ? isFollowing(resource.agendaId, user.id) : false,
    evaluationsOf(resource.agendaId, { publicOnly: true }),
    roundsOf(resource.agendaId),
  ]);
  const publishedAgreements = new Set(version ? embeddedIds(version.content).agreementEmbed : []);
  // The agreements of the published text, with who does them and how far they are now.
  const live = version
    ? await embedRecords(resource, {
        ...embeddedIds(version.content),
        findingEmbed: [],
        storyQuote: [],
      })
    : EMPTY_RECORDS;
  return {
    version: version && {
      number: version.number,
      publishedAt: version.publishedAt.toISOString(),
      content: version.content,
      records: version.records,
      agreementIds: embeddedIds(version.content).agreementEmbed,
    },
    liveAgreements: live.agreements,
    following,
    votingRounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      amountEuros: r.amountEuros,
      opensOn: r.opensOn.toISOString().slice(0, 10),
      closesOn: r.closesOn.toISOString().slice(0, 10),
      phase: r.phase,
    })),
    // Evaluations made public, naming only agreements of the published text.
    evaluations: evaluations.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      periodFrom: e.periodFrom.toISOString().slice(0, 10),
      periodTo: e.periodTo.toISOString().slice(0, 10),
      forResidents: e.forResidents,
      forOrganisations: e.forOrganisations,
      forMunicipality: e.forMunicipality,
      bottlenecks: e.bottlenecks,
      changes: e.changes,
      agreements: e.agreements.filter((a) => publishedAgreements.has(a.id)),
      councilView: e.councilView,
      councilViewBy: null,
      councilViewAt: e.councilViewAt?.toISOString() ?? null,
    })),
    ...(await publishedSection(
      url,
      buurten.map((b) => b.code),
      user?.id ?? null,
    )),
    report: url.searchParams.get("melding"),
    agenda: {
      id: agenda.id,
      title: agenda.title,
      publicDescription: agenda.publicDescription,
      startsOn: agenda.startsOn.toISOString(),
      endsOn: agenda.endsOn.toISOString(),
    },
    buurten: buurten.map((b) => ({ code: b.code, name: b.name })),
    areas: toFeatureCollection(buurten),
    bbox,
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
    canViewWorkspace: permissionsOn(user, resource, ["agenda.view"])["agenda.view"],
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "agenda.follow");
  const form = await request.formData();
  const following = form.get("intent") === "follow";
  await follow(resource.agendaId, user.id, following);
  return redirect(
    `${href("/buurtagenda/:id", { id: resource.agendaId })}?${following ? "gevolgd" : "ontvolgd"}=1#volgen`,
  );
}

export default function PublicAgenda({ loaderData }: Route.ComponentProps) {
  const t = useText(agendaPublicMessages);
  const tt = useText(territoryMessages);
  const tc = useText(commonMessages);
  const ts = useText(storiesPublicMessages);
  const td = useText(documentMessages);
  const te = useText(evaluationMessages);
  const tb = useText(budgetPhaseMessages);
  const locale = useLocale();
  const { agenda, version } = loaderData;
  const [search] = useSearchParams();
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{agenda.title}</h1>
      <p className="utrecht-paragraph">{agenda.publicDescription}</p>
      <dl className="facts">
        <dt>{t("period")}</dt>
        <dd>
          {formatDate(agenda.startsOn, locale)} – {formatDate(agenda.endsOn, locale)}
        </dd>
        <dt>{t("area")}</dt>
        <dd>
          {loaderData.buurten.map((b, i) => (
            <span key={b.code}>
              {i > 0 ? ", " : ""}
              <Link to={href("/buurt/:code", { code: b.code })}>{b.name}</Link>
            </span>
          ))}
        </dd>
      </dl>
      <AreaMap
        areas={loaderData.areas}
        bbox={loaderData.bbox}
        label={tt("mapLabel", { name: agenda.title })}
        caption={t("area")}
        unavailableText={tt("mapUnavailable")}
        loadingText={tt("mapLoading")}
        baseStyleUrl={loaderData.baseStyleUrl}
        pointsUrl={`${href("/buurtagenda/:id/kaartpunten", { id: agenda.id })}${loaderData.pinQuery}`}
        pointLabels={{ cluster: ts("pinCluster"), open: ts("pinOpen") }}
      />
      <section className="section stack" aria-labelledby="de-buurtagenda">
        <h2 className="utrecht-heading-2" id="de-buurtagenda">
          {td("publicAgendaTitle")}
        </h2>
        {version ? (
          <>
            <p className="source-note">
              <Link
                to={href("/buurtagenda/:id/versie/:number", {
                  id: agenda.id,
                  number: String(version.number),
                })}
              >
                {td("publicReadVersion", { number: version.number })}
              </Link>{" "}
              · {td("versionPublishedOn", { date: formatDay(version.publishedAt, locale) })}
            </p>
            <DocumentView doc={version.content} records={version.records} shift={1} />
            {version.agreementIds.length ? (
              <>
                <h3 className="utrecht-heading-3">{td("agreementsPublic")}</h3>
                {version.agreementIds.map((id) => (
                  <AgreementCard
                    key={id}
                    record={loaderData.liveAgreements[id] ?? version.records.agreements[id]}
                  />
                ))}
              </>
            ) : null}
          </>
        ) : (
          <p className="utrecht-paragraph">{td("publicNoVersion")}</p>
        )}
      </section>
      {loaderData.votingRounds.length ? (
        <section className="section stack" aria-labelledby="wijkbegroting">
          <h2 className="utrecht-heading-2" id="wijkbegroting">
            {tb("publicHeading")}
          </h2>
          <ul className="utrecht-unordered-list">
            {loaderData.votingRounds.map((round) => (
              <li key={round.id}>
                <Link
                  to={href("/buurtagenda/:id/wijkbegroting/:round", {
                    id: agenda.id,
                    round: round.id,
                  })}
                >
                  {round.title}
                </Link>{" "}
                ({formatEuros(round.amountEuros, locale)}):{" "}
                {tb(`phase_${round.phase}`, {
                  from: formatDate(round.opensOn, locale),
                  to: formatDate(round.closesOn, locale),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.evaluations.length ? (
        <section className="section stack" aria-labelledby="evaluaties">
          <h2 className="utrecht-heading-2" id="evaluaties">
            {te("publicHeading")}
          </h2>
          {loaderData.evaluations.map((e) => (
            <EvaluationView key={e.id} item={e} headingLevel={3} />
          ))}
        </section>
      ) : null}
      <section className="section stack" aria-labelledby="volgen">
        <h2 className="utrecht-heading-2" id="volgen">
          {td("followTitle")}
        </h2>
        {search.get("gevolgd") ? <StatusMessage>{td("followSaved")}</StatusMessage> : null}
        {search.get("ontvolgd") ? <StatusMessage>{td("unfollowSaved")}</StatusMessage> : null}
        {loaderData.signedIn ? (
          <Form method="post">
            <p className="utrecht-paragraph">
              {loaderData.following ? td("following") : td("followIntro")}
            </p>
            <input
              type="hidden"
              name="intent"
              value={loaderData.following ? "unfollow" : "follow"}
            />
            <SubmitButton variant={loaderData.following ? "secondary" : "primary"}>
              {loaderData.following ? td("unfollow") : td("follow")}
            </SubmitButton>
          </Form>
        ) : (
          <p className="utrecht-paragraph">
            {td("followIntro")}{" "}
            <Link
              to={`${href("/inloggen/code")}?terug=${encodeURIComponent(href("/buurtagenda/:id", { id: agenda.id }))}`}
            >
              {td("followSignIn")}
            </Link>
          </p>
        )}
      </section>
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/ideeen", { id: agenda.id })}>{t("ideasLink")}</Link>
      </p>
      {loaderData.canViewWorkspace ? (
        <p className="utrecht-paragraph">
          <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
            {t("workspaceLink")}
          </Link>
        </p>
      ) : null}
      <p className="source-note">{tc("sourceCbs")}</p>
      <PublishedStories
        section={loaderData}
        buurten={loaderData.buurten}
        path={href("/buurtagenda/:id", { id: agenda.id })}
        report={loaderData.report}
        tellLinks={loaderData.buurten.map((b) => ({
          href: href("/buurt/:code/vertellen", { code: b.code }),
          label: ts("tellAbout", { buurt: b.name }),
        }))}
      />
    </div>
  );
}
