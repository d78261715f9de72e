import { Form, data } from "react-router";
import type { Route } from "./+types/volgen-stoppen";
import { followerByToken, unfollowByToken } from "../features/document/followers.server";
import { documentMessages } from "../features/document/document.messages";
import { useText } from "../shared/i18n/i18n";
import { StatusMessage, SubmitButton } from "../shared/ui/form";

// The stop link in every follower mail: works without signing in (the token is the key), and
// asks once, so a mail scanner opening the link does not unsubscribe anyone.

export const meta: Route.MetaFunction = () => [
  { title: "Stoppen met volgen | Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: Route.LoaderArgs) {
  const follower = await followerByToken(params.token);
  return { title: follower?.agenda.title ?? null };
}

export async function action({ params }: Route.ActionArgs) {
  if (!(await unfollowByToken(params.token))) throw data(null, { status: 404 });
  return { stopped: true };
}

export default function StopFollowing({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(documentMessages);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("stopTitle")}</h1>
      {actionData?.stopped ? (
        <StatusMessage>{t("stopDone")}</StatusMessage>
      ) : loaderData.title ? (
        <>
          <p className="utrecht-paragraph">{t("stopIntro", { title: loaderData.title })}</p>
          <Form method="post">
            <SubmitButton>{t("stopButton")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("stopUnknown")}</p>
      )}
    </div>
  );
}
