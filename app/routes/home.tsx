import { Link, href, useSearchParams } from "react-router";
import type { Route } from "./+types/home";
import { listGemeenten } from "../features/territory/territory.server";
import { territoryMessages } from "../features/territory/territory.messages";
import { privacyMessages } from "../features/auth/privacy.messages";
import { useT } from "../shared/i18n/i18n";
import { StatusMessage } from "../shared/ui/form";
import { publicPageHeaders } from "../shared/page-cache";

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = () => [
  { title: "Buurtagenda" },
  {
    name: "description",
    content: "Bewoners, gemeente en organisaties maken samen afspraken voor de buurt.",
  },
];

export async function loader() {
  return { gemeenten: await listGemeenten() };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT(territoryMessages);
  const tp = useT(privacyMessages);
  // Set by /account/verwijderen after the account is gone.
  const [search] = useSearchParams();
  return (
    <div className="stack">
      {search.has("account-verwijderd") ? <StatusMessage>{tp("deleted")}</StatusMessage> : null}
      <h1 className="utrecht-heading-1">{t("homeTitle")}</h1>
      <p className="utrecht-paragraph">{t("homeIntro")}</p>
      <h2 className="utrecht-heading-2">{t("gemeentenTitle")}</h2>
      {loaderData.gemeenten.length === 0 ? (
        <p className="utrecht-paragraph">{t("noGemeenten")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {loaderData.gemeenten.map((g) => (
            <li key={g.code}>
              <Link to={href("/gemeente/:code", { code: g.code })}>{g.name}</Link>{" "}
              <span>({t("wijkenCount", { count: g._count.wijken })})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
