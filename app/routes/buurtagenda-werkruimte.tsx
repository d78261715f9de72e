import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href } from "react-router";
import type { Route } from "./+types/buurtagenda-werkruimte";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import {
  blockOwnerSchema,
  blockStatusSchema,
  BLOCK_STATUSES,
} from "../features/agenda/agenda.schema";
import {
  eligibleOwners,
  getAgendaOverview,
  getTimeline,
  setBlockOwner,
  setBlockStatus,
} from "../features/agenda/agenda.server";
import { missingFor } from "../features/agenda/blocks";
import { formatDate, formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import { SubmitButton } from "../shared/ui/form";
import { data } from "react-router";

// The seven-block overview of one buurtagenda, with its activity timeline. Staff, platform,
// partners and the council see it; only staff and platform change block status and owners.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.agenda.title}: werkruimte | Buurtagenda` : "Buurtagenda" },
];

const BLOCK_PAGES: Partial<
  Record<
    number,
    | "/buurtagenda/:id/urgentie"
    | "/buurtagenda/:id/buurtscan"
    | "/buurtagenda/:id/partijen"
    | "/buurtagenda/:id/vastleggen"
    | "/buurtagenda/:id/thema-matrix"
    | "/buurtagenda/:id/ideeen"
    | "/buurtagenda/:id/tekst"
  >
> = {
  1: "/buurtagenda/:id/urgentie",
  2: "/buurtagenda/:id/buurtscan",
  3: "/buurtagenda/:id/partijen",
  4: "/buurtagenda/:id/vastleggen",
  5: "/buurtagenda/:id/thema-matrix",
  6: "/buurtagenda/:id/ideeen",
  7: "/buurtagenda/:id/tekst",
};

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const [{ agenda, progress }, timeline, owners] = await Promise.all([
    getAgendaOverview(resource.agendaId),
    getTimeline(resource.agendaId),
    eligibleOwners(resource),
  ]);
  const name = (u: { displayName: string | null; email: string } | null) =>
    u ? (u.displayName ?? u.email) : null;
  return {
    agenda: {
      id: agenda.id,
      title: agenda.title,
      startsOn: agenda.startsOn.toISOString(),
      endsOn: agenda.endsOn.toISOString(),
      buurten: agenda.buurten.map((b) => b.buurt.name),
    },
    blocks: agenda.blocks.map((b) => ({
      number: b.block,
      status: b.status,
      ownerId: b.owner?.id ?? null,
      owner: name(b.owner),
      doneBy: name(b.doneBy),
      doneAt: b.doneAt?.toISOString() ?? null,
      missing: missingFor(b.block, progress),
    })),
    owners: owners.map((o) => ({ id: o.id, name: o.displayName ?? o.email })),
    timeline,
    can: permissionsOn(user, resource, [
      "block.advance",
      "agenda.edit",
      "scan.view",
      "story.record",
    ]),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "block.advance");
  const formData = await request.formData();
  if (formData.get("intent") === "owner") {
    const submission = parseWithZod(formData, { schema: blockOwnerSchema });
    if (submission.status !== "success") throw data(null, { status: 400 });
    const owners = await eligibleOwners(resource);
    const ownerId = submission.value.ownerId ?? null;
    if (ownerId && !owners.some((o) => o.id === ownerId)) throw data(null, { status: 400 });
    await setBlockOwner(user.id, resource.agendaId, submission.value.block, ownerId);
    return { saved: submission.value.block };
  }
  const submission = parseWithZod(formData, { schema: blockStatusSchema });
  if (submission.status !== "success") throw data(null, { status: 400 });
  await setBlockStatus(user.id, resource.agendaId, submission.value.block, submission.value.status);
  return { saved: submission.value.block };
}

export default function Workspace({ loaderData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const locale = useLocale();
  const { agenda, blocks } = loaderData;
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{agenda.title}</h1>
      <dl className="facts">
        <dt>{t("period")}</dt>
        <dd>
          {formatDate(agenda.startsOn, locale)} – {formatDate(agenda.endsOn, locale)}
        </dd>
        <dt>{t("area")}</dt>
        <dd>{agenda.buurten.join(", ")}</dd>
      </dl>
      <ul className="utrecht-unordered-list">
        <li>
          <Link to={href("/buurtagenda/:id", { id: agenda.id })}>{t("publicPageLink")}</Link>
        </li>
        <li>
          <Link to={href("/buurtagenda/:id/initiatieven", { id: agenda.id })}>
            {t("initiativesLink")}
          </Link>
        </li>
        <li>
          <Link to={href("/buurtagenda/:id/advies", { id: agenda.id })}>{t("adviceLink")}</Link>
        </li>
        <li>
          <Link to={href("/buurtagenda/:id/evaluaties", { id: agenda.id })}>
            {t("evaluationsLink")}
          </Link>
        </li>
        <li>
          <Link to={href("/buurtagenda/:id/wijkbegroting", { id: agenda.id })}>
            {t("budgetRoundsLink")}
          </Link>
        </li>
        <li>
          <Link to={href("/buurtagenda/:id/goede-voorbeelden", { id: agenda.id })}>
            {t("goodPracticesLink")}
          </Link>
        </li>
        {loaderData.can["agenda.edit"] ? (
          <li>
            <Link to={href("/buurtagenda/:id/gegevens", { id: agenda.id })}>
              {t("editDetailsLink")}
            </Link>
          </li>
        ) : null}
      </ul>
      {!loaderData.can["block.advance"] ? (
        <p className="utrecht-paragraph">{t("readOnly")}</p>
      ) : null}

      <h2 className="utrecht-heading-2">{t("blocksTitle")}</h2>
      <p className="utrecht-paragraph">{t("blocksIntro")}</p>
      <ol className="block-cards">
        {blocks.map((block) => {
          // The buurtscan and the theme matrix hold rankings: only those who may see them get the link.
          const page =
            ((block.number === 2 || block.number === 5) && !loaderData.can["scan.view"]) ||
            (block.number === 4 && !loaderData.can["story.record"])
              ? undefined
              : BLOCK_PAGES[block.number];
          const headingId = `bouwsteen-${block.number}`;
          return (
            <li key={block.number} className="block-card" aria-labelledby={headingId}>
              <h3 className="utrecht-heading-3" id={headingId}>
                {page ? (
                  <Link to={href(page, { id: agenda.id })}>{t(`block${block.number}`)}</Link>
                ) : (
                  t(`block${block.number}`)
                )}
              </h3>
              <p className="utrecht-paragraph">
                {t("status")}: <span className="status-badge">{t(`status_${block.status}`)}</span>
              </p>
              <p className="utrecht-paragraph">
                {t("owner")}: {block.owner ?? t("noOwner")}
              </p>
              {block.doneBy && block.doneAt ? (
                <p className="utrecht-paragraph">
                  {t("doneBy", { name: block.doneBy, date: formatDateTime(block.doneAt, locale) })}
                </p>
              ) : null}
              {block.missing.length ? (
                <>
                  <p className="utrecht-paragraph">{t("stillMissing")}</p>
                  <ul className="utrecht-unordered-list">
                    {block.missing.map((m) => (
                      <li key={m}>{t(m)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="utrecht-paragraph">{t("nothingMissing")}</p>
              )}
              {loaderData.can["block.advance"] ? (
                <>
                  <Form method="post">
                    <input type="hidden" name="block" value={block.number} />
                    <label htmlFor={`status-${block.number}`}>{t("status")}</label>
                    <select
                      id={`status-${block.number}`}
                      name="status"
                      defaultValue={block.status}
                      className="utrecht-select utrecht-select--html-select"
                    >
                      {BLOCK_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`status_${s}`)}
                        </option>
                      ))}
                    </select>
                    <SubmitButton variant="secondary" name="intent" value="status">
                      {t("saveStatus")}
                    </SubmitButton>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="block" value={block.number} />
                    <label htmlFor={`owner-${block.number}`}>{t("owner")}</label>
                    <select
                      id={`owner-${block.number}`}
                      name="ownerId"
                      defaultValue={block.ownerId ?? ""}
                      className="utrecht-select utrecht-select--html-select"
                    >
                      <option value="">{t("noOwner")}</option>
                      {loaderData.owners.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                    <SubmitButton variant="secondary" name="intent" value="owner">
                      {t("saveOwner")}
                    </SubmitButton>
                  </Form>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>

      <h2 className="utrecht-heading-2">{t("timelineTitle")}</h2>
      {loaderData.timeline.length === 0 ? (
        <p className="utrecht-paragraph">{t("timelineEmpty")}</p>
      ) : (
        <ol className="timeline">
          {loaderData.timeline.map((event) => (
            <li key={event.id}>
              <TimelineText event={event} />
              <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function TimelineText({
  event,
}: {
  event: { action: string; actor: string | null; details: Record<string, unknown> };
}) {
  const t = useText(agendaMessages);
  const key = `event_${event.action}`;
  if (!(key in agendaMessages.nl)) return <span>{event.action}</span>;
  return (
    <span>
      {t(key, {
        actor: event.actor ?? t("someone"),
        block: String(event.details.block ?? ""),
        to: typeof event.details.to === "string" ? t(`status_${event.details.to}`) : "",
        organisation: String(event.details.organisation ?? ""),
        number: String(event.details.number ?? ""),
      })}
    </span>
  );
}
