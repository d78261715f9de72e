import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  href,
  isRouteErrorResponse,
  useLocation,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "react-router";
import stylesCss from "./styles.css?url";
import type { Route } from "./+types/root";
import { secondFactorBannerMessages } from "./features/auth/second-factor-banner.messages";
import { isUnavailableResult } from "./shared/database-unavailable";
import { moderationScope } from "./features/stories/stories.server";
import { authenticate } from "./features/auth/session.server";
import { commonMessages } from "./shared/i18n/common.messages";
import { localeFromCookieHeader, translate, useT, type Locale } from "./shared/i18n/i18n";
import { isProduction } from "./shared/env.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const { user, setCookie } = await authenticate(request);
  const locale = localeFromCookieHeader(request.headers.get("Cookie"));
  return data(
    {
      locale,
      user: user
        ? {
            email: user.email,
            displayName: user.displayName,
            // Only a shortcut: the queue itself checks the moderator's scope again.
            moderates: moderationScope(user) !== null,
            secondFactorStep:
              user.secondFactor === "verify" || user.secondFactor === "enrol"
                ? user.secondFactor
                : null,
          }
        : null,
      showDevMail: !isProduction(),
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/** An action that could not reach the database keeps the page as it is (see buurt-vertellen). */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (isUnavailableResult(actionResult) ? false : defaultShouldRevalidate);

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = rootData?.locale ?? "nl";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="voorbeeld-theme utrecht-document utrecht-document--surface">
        <SiteLayout
          locale={locale}
          user={rootData?.user ?? null}
          showDevMail={rootData?.showDevMail ?? false}
        >
          {children}
        </SiteLayout>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/** Staff whose roles wait for the second factor see why pages refuse them, and the way on. */
function SecondFactorBanner({
  step,
  locale,
  here,
}: {
  step: "verify" | "enrol";
  locale: Locale;
  here: string;
}) {
  const page =
    step === "verify" ? href("/inloggen/tweede-stap") : href("/account/tweestapsverificatie");
  if (here.startsWith(page)) return null;
  const t = (key: keyof (typeof secondFactorBannerMessages)["nl"]) =>
    translate(secondFactorBannerMessages, locale, key);
  return (
    <p className="utrecht-paragraph notice" role="status">
      {t(step === "verify" ? "bannerVerify" : "bannerEnrol")}{" "}
      <Link to={`${page}?terug=${encodeURIComponent(here)}`}>{t("bannerLink")}</Link>
    </p>
  );
}

function SiteLayout({
  children,
  locale,
  user,
  showDevMail,
}: {
  children: React.ReactNode;
  locale: Locale;
  user: {
    email: string;
    displayName: string | null;
    moderates: boolean;
    secondFactorStep: "verify" | "enrol" | null;
  } | null;
  showDevMail: boolean;
}) {
  const t = (key: keyof (typeof commonMessages)["nl"], vars?: Record<string, string>) =>
    translate(commonMessages, locale, key, vars);
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t("skipLink")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={href("/")} className="site-header__name">
            {t("siteName")}
          </Link>
          <nav aria-label={t("mainNav")} className="site-nav">
            <ul>
              <li>
                <Link to={href("/")}>{t("navHome")}</Link>
              </li>
              <li>
                <Link to={href("/toegankelijkheid")}>{t("navAccessibility")}</Link>
              </li>
              <li>
                <Link to={href("/privacy")}>{t("navPrivacy")}</Link>
              </li>
            </ul>
          </nav>
          <div className="site-account" aria-label={t("accountMenu")} role="group">
            {user ? (
              <>
                <Link to={href("/account")}>{t("myAccount")}</Link>
                <Link to={href("/mijn-verhalen")}>{t("myStories")}</Link>
                {user.moderates ? <Link to={href("/moderatie")}>{t("moderation")}</Link> : null}
                <Form method="post" action={href("/uitloggen")}>
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                    {t("signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link
                  to={{ pathname: href("/inloggen"), search: `?terug=${encodeURIComponent(here)}` }}
                >
                  {t("signIn")}
                </Link>
                <Link to={href("/registreren")}>{t("signUp")}</Link>
              </>
            )}
            <Form method="post" action={href("/taal")}>
              <input type="hidden" name="terug" value={here} />
              <input type="hidden" name="taal" value={locale === "nl" ? "en" : "nl"} />
              <button
                type="submit"
                className="utrecht-button utrecht-button--subtle"
                lang={locale === "nl" ? "en" : "nl"}
                aria-label={t("languageSwitchLabel")}
              >
                {t("languageSwitch")}
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="site-main">
        {user?.secondFactorStep ? (
          <SecondFactorBanner step={user.secondFactorStep} locale={locale} here={here} />
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footerText")}</p>
        <ul>
          <li>
            <Link to={href("/toegankelijkheid")}>{t("navAccessibility")}</Link>
          </li>
          <li>
            <Link to={href("/privacy")}>{t("navPrivacy")}</Link>
          </li>
          <li>
            <Link to={href("/goede-voorbeelden")}>{t("navGoodPractices")}</Link>
          </li>
          <li>
            <Link to={href("/open-data")}>{t("navOpenData")}</Link>
          </li>
          {showDevMail ? (
            <li>
              <Link to={href("/dev/mail")}>{t("devMail")}</Link>
            </li>
          ) : null}
        </ul>
      </footer>
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT(commonMessages);
  let title = t("errorTitle");
  let text = t("errorText");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("notFoundTitle");
      text = t("notFoundText");
    } else if (error.status === 403) {
      title = t("forbiddenTitle");
      text = t("forbiddenText");
    } else if (error.status === 429) {
      title = t("tooManyTitle");
      text = t("tooManyText");
    } else if (error.status === 400) {
      title = t("badRequestTitle");
      text = t("badRequestText");
    }
  }
  return (
    <div className="page">
      <title>{`${title} | Buurtagenda`}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{text}</p>
      <p className="utrecht-paragraph">
        <Link to={href("/")}>{t("notFoundLink")}</Link>
      </p>
    </div>
  );
}
