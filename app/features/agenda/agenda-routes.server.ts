import { data } from "react-router";
import { authorize } from "../auth/auth-routes.server";
import { can, type Action } from "../auth/permissions";
import type { CurrentUser } from "../auth/session.server";
import { getAgendaResource, type AgendaResource } from "./agenda.server";

/** The agenda of the URL (404 when unknown) and the current user, if `action` is allowed. */
export async function agendaFor(
  request: Request,
  agendaId: string,
  action: Action,
): Promise<{ user: CurrentUser | null; resource: AgendaResource }> {
  const resource = await getAgendaResource(agendaId);
  if (!resource) throw data(null, { status: 404 });
  const user = await authorize(request, action, resource);
  return { user, resource };
}

/** Like agendaFor, for actions that change something: a signed-in user is guaranteed. */
export async function agendaForChange(request: Request, agendaId: string, action: Action) {
  const { user, resource } = await agendaFor(request, agendaId, action);
  if (!user) throw data(null, { status: 403 });
  return { user, resource };
}

/** Which edit controls to show; the actions check again on the server. */
export function permissionsOn(
  user: CurrentUser | null,
  resource: AgendaResource,
  actions: Action[],
) {
  return Object.fromEntries(
    actions.map((action) => [action, can(user, action, resource)]),
  ) as Record<Action, boolean>;
}
