import { defineMessages } from "../../shared/i18n/i18n";

export const siteMessages = defineMessages({
  nl: {
    a11yTitle: "Toegankelijkheid",
    a11yIntro:
      "Iedereen moet Buurtagenda kunnen gebruiken. Ook als u slecht ziet, slecht hoort, geen muis gebruikt of moeite heeft met lezen.",
    a11yStatusTitle: "Hoe toegankelijk is deze website?",
    a11yStatus:
      "Dit is een concept van onze toegankelijkheidsverklaring. We bouwen de website volgens de eisen voor websites van de overheid (WCAG 2.1, niveau AA). We testen elke pagina automatisch. Een onderzoek door een onafhankelijke partij is nog niet gedaan.",
    a11yKnownTitle: "Wat weten we al?",
    a11yKnownMap:
      "De kaart met buurten is niet met het toetsenbord te bedienen. Onder elke kaart staat daarom een lijst met dezelfde buurten.",
    a11yReportTitle: "Meld een probleem",
    a11yReportIntro:
      "Kunt u iets niet lezen, niet vinden of niet gebruiken? Laat het ons weten. We antwoorden binnen 5 werkdagen.",
    a11yProblem: "Wat ging er mis?",
    a11yProblemHint: "Bijvoorbeeld: op welke pagina, en wat probeerde u te doen.",
    a11yPage: "Op welke pagina? (mag leeg blijven)",
    a11yEmail: "Uw e-mailadres, als u een antwoord wilt (mag leeg blijven)",
    a11ySend: "Melding versturen",
    a11ySent: "Bedankt. Uw melding is verstuurd.",
    problemRequired: "Beschrijf wat er mis ging.",
    problemTooLong: "Uw melding is te lang. Gebruik hoogstens 5000 tekens.",
    pageTooLong: "Dit is te lang. Gebruik hoogstens 500 tekens.",
    emailInvalid:
      "Dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl",
    privacyTitle: "Privacy",
    privacyIntro:
      "Hier leest u welke gegevens Buurtagenda over u bewaart, waarom, en wat u daarmee mag doen.",
    privacyWhatTitle: "Welke gegevens bewaren we?",
    privacyWhat:
      "Uw e-mailadres en, als u dat kiest, een wachtwoord. Het wachtwoord bewaren we zo dat niemand het kan lezen, ook wij niet. Een naam is niet nodig. Als u een verhaal of idee deelt, bewaren we dat ook, met uw keuzes over publiceren.",
    privacyWhyTitle: "Waarom?",
    privacyWhy:
      "Om u te laten inloggen, om u berichten te sturen waar u om vraagt, en om samen met u en de gemeente aan de buurt te werken. We verkopen niets en we tonen geen reclame.",
    privacyWhoTitle: "Wie ziet uw gegevens?",
    privacyWho:
      "Uw e-mailadres is nooit openbaar. Verhalen worden pas openbaar als u daar toestemming voor geeft en nadat iemand ze heeft gecontroleerd. We houden bij wie gegevens bekijkt of verandert.",
    privacyRightsTitle: "Wat mag u?",
    privacyRights:
      "U mag uw gegevens inzien, downloaden, laten verbeteren en laten verwijderen. U mag ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
    privacyRightsLinks: "Dat doet u zelf op de pagina ‘Mijn account’, als u bent ingelogd.",
    privacyContactTitle: "Vragen?",
    privacyContact:
      "Stuur een e-mail aan de privacy-contactpersoon van uw gemeente. Deze tekst is een concept; de gemeente vult de gegevens van de verantwoordelijke nog aan.",
  },
  en: {
    a11yTitle: "Accessibility",
    a11yIntro:
      "Everyone must be able to use Buurtagenda. Also if you have low vision or hearing, do not use a mouse, or find reading hard.",
    a11yStatusTitle: "How accessible is this website?",
    a11yStatus:
      "This is a draft of our accessibility statement. We build the website to the requirements for government websites (WCAG 2.1, level AA). We test every page automatically. An audit by an independent party has not been done yet.",
    a11yKnownTitle: "What do we know already?",
    a11yKnownMap:
      "The map of neighbourhoods cannot be used with a keyboard. That is why every map has a list with the same neighbourhoods below it.",
    a11yReportTitle: "Report a problem",
    a11yReportIntro:
      "Is there something you cannot read, find or use? Let us know. We reply within 5 working days.",
    a11yProblem: "What went wrong?",
    a11yProblemHint: "For example: on which page, and what you were trying to do.",
    a11yPage: "On which page? (may be left empty)",
    a11yEmail: "Your email address, if you want a reply (may be left empty)",
    a11ySend: "Send report",
    a11ySent: "Thank you. Your report has been sent.",
    problemRequired: "Describe what went wrong.",
    problemTooLong: "Your report is too long. Use at most 5000 characters.",
    pageTooLong: "This is too long. Use at most 500 characters.",
    emailInvalid:
      "This is not a valid email address. An email address looks like this: name@example.com",
    privacyTitle: "Privacy",
    privacyIntro:
      "Here you can read which data Buurtagenda keeps about you, why, and what you may do about it.",
    privacyWhatTitle: "Which data do we keep?",
    privacyWhat:
      "Your email address and, if you choose, a password. We store the password so that nobody can read it, not even us. A name is not needed. If you share a story or idea, we keep that too, with your choices about publishing.",
    privacyWhyTitle: "Why?",
    privacyWhy:
      "To let you sign in, to send you messages you ask for, and to work on the neighbourhood together with you and the municipality. We sell nothing and show no advertising.",
    privacyWhoTitle: "Who sees your data?",
    privacyWho:
      "Your email address is never public. Stories only become public with your permission and after someone has checked them. We record who views or changes data.",
    privacyRightsTitle: "What may you do?",
    privacyRights:
      "You may see, download, correct and delete your data. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
    privacyRightsLinks: "You do this yourself on the page ‘My account’, when you are signed in.",
    privacyContactTitle: "Questions?",
    privacyContact:
      "Send an email to the privacy contact of your municipality. This text is a draft; the municipality still adds the details of the controller.",
  },
});
