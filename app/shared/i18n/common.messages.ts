import { defineMessages } from "./i18n";

export const commonMessages = defineMessages({
  nl: {
    siteName: "Buurtagenda",
    skipLink: "Naar de inhoud",
    mainNav: "Hoofdmenu",
    navHome: "Gemeenten",
    navAccessibility: "Toegankelijkheid",
    navPrivacy: "Privacy",
    navOpenData: "Open data",
    accountMenu: "Account",
    signIn: "Inloggen",
    signUp: "Account maken",
    signOut: "Uitloggen",
    myAccount: "Mijn account",
    myStories: "Mijn verhalen",
    moderation: "Verhalen controleren",
    signedInAs: "Ingelogd als {name}",
    languageSwitch: "English",
    languageSwitchLabel: "Switch to English",
    footerText: "Buurtagenda: samen werken aan de buurt.",
    devMail: "Verstuurde e-mail (alleen voor ontwikkeling)",
    notFoundTitle: "Deze pagina bestaat niet",
    notFoundText:
      "We kunnen deze pagina niet vinden. Misschien is het adres verkeerd getypt, of is de pagina verplaatst.",
    notFoundLink: "Ga naar de startpagina",
    errorTitle: "Er ging iets mis",
    errorText:
      "Er ging iets mis bij ons. Uw gegevens zijn niet verloren. Probeer het over een paar minuten opnieuw.",
    forbiddenTitle: "Dit mag u niet bekijken",
    forbiddenText:
      "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem dan contact op met de gemeente.",
    tooManyTitle: "Even wachten",
    tooManyText:
      "U heeft dit kort na elkaar heel vaak gedaan. Wacht een uur en probeer het dan opnieuw.",
    badRequestTitle: "Dit verzoek klopt niet",
    badRequestText:
      "Het verzoek kwam niet van deze website, of het was niet compleet. Ga terug en probeer het opnieuw.",
    sourceCbs: "Bron: CBS (Wijk- en buurtkaart 2022).",
  },
  en: {
    siteName: "Buurtagenda",
    skipLink: "Skip to content",
    mainNav: "Main menu",
    navHome: "Municipalities",
    navAccessibility: "Accessibility",
    navPrivacy: "Privacy",
    navOpenData: "Open data",
    accountMenu: "Account",
    signIn: "Sign in",
    signUp: "Create account",
    signOut: "Sign out",
    myAccount: "My account",
    myStories: "My stories",
    moderation: "Check stories",
    signedInAs: "Signed in as {name}",
    languageSwitch: "Nederlands",
    languageSwitchLabel: "Schakel naar Nederlands",
    footerText: "Buurtagenda: working together on the neighbourhood.",
    devMail: "Sent email (development only)",
    notFoundTitle: "This page does not exist",
    notFoundText:
      "We cannot find this page. Perhaps the address was mistyped, or the page has moved.",
    notFoundLink: "Go to the home page",
    errorTitle: "Something went wrong",
    errorText:
      "Something went wrong on our side. Your data is not lost. Please try again in a few minutes.",
    forbiddenTitle: "You may not view this",
    forbiddenText:
      "You do not have access to this page. Do you think this is wrong? Please contact the municipality.",
    tooManyTitle: "Please wait",
    tooManyText: "You did this very often in a short time. Wait an hour, then try again.",
    badRequestTitle: "This request is not right",
    badRequestText:
      "The request did not come from this website, or it was incomplete. Go back and try again.",
    sourceCbs: "Source: CBS (Wijk- en buurtkaart 2022).",
  },
});
