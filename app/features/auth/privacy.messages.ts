import { defineMessages } from "../../shared/i18n/i18n";

// Texts for downloading your data and deleting your account (decision 0013). B1 Dutch.

export const privacyMessages = defineMessages({
  nl: {
    dataTitle: "Uw gegevens",
    downloadLink: "Download uw gegevens",
    downloadIntro:
      "U krijgt een bestand met alles wat we over u bewaren: uw account, uw verhalen, uw ideeën, uw reacties en meldingen.",
    deleteLink: "Account verwijderen",
    deleteLinkIntro: "U kiest zelf wat er gebeurt met uw verhalen en ideeën op de site.",
    exportAbout:
      "Dit zijn alle gegevens die Buurtagenda over u bewaart. Gemaakt op {date}. Vragen? Zie de pagina Privacy.",
    deleteTitle: "Account verwijderen",
    deleteIntro: "Hier kunt u uw account verwijderen. Dit kunt u niet ongedaan maken.",
    deleteWhatTitle: "Wat gebeurt er?",
    deleteWhatAccount: "Uw e-mailadres, uw naam en uw wachtwoord worden gewist.",
    deleteWhatUnpublished:
      "Verhalen die niet op de site staan, worden gewist. Dat zijn verhalen die nog wachten, die zijn afgewezen of die u heeft ingetrokken.",
    deleteWhatReactions:
      "Uw klikken op 'herkenbaar', uw steun voor ideeën en uw meldingen worden gewist.",
    deleteWhatIdeas:
      "Met uw ideeën gebeurt hetzelfde als met uw verhalen. Ideeën die niet op de site staan, worden gewist. Een idee dat anderen steunen of waarover de gemeente al iets zei, blijft staan zonder uw naam.",
    deleteWhatSessions: "U wordt uitgelogd, ook op uw andere apparaten.",
    deleteWhatLog:
      "We houden een logboek bij van wat er op de site gebeurt. Dat logboek blijft bestaan. Daarin staat een nummer, niet uw naam of e-mailadres. Na het verwijderen hoort dat nummer bij niemand meer.",
    deleteDownloadFirst: "Wilt u eerst een kopie van uw gegevens? Download dan eerst uw gegevens.",
    storiesLegend: "Wat gebeurt er met uw verhalen op de site?",
    storiesCount:
      "Aantal verhalen van u op de site: {published}. Aantal verhalen die niet op de site staan: {notPublished}.",
    storiesDelete: "Verwijderen: uw verhalen gaan van de site af.",
    storiesKeep:
      "Anoniem laten staan: uw verhalen blijven op de site, zonder naam. Niemand kan dan zien dat ze van u zijn.",
    storiesChoiceRequired: "Kies wat er gebeurt met uw verhalen op de site.",
    password: "Uw wachtwoord",
    passwordHint: "Zo weten we zeker dat u het zelf bent.",
    passwordRequired: "Vul uw wachtwoord in.",
    passwordWrong: "Dit wachtwoord klopt niet. Er is niets veranderd.",
    confirm: "Ja, ik wil mijn account en mijn gegevens verwijderen.",
    confirmRequired: "Zet een vinkje als u zeker weet dat u uw account wilt verwijderen.",
    deleteButton: "Account verwijderen",
    cancel: "Terug naar mijn account",
    blocked:
      "U kunt dit account niet zelf verwijderen. U heeft een rol: {roles}. Anderen werken met wat u in die rol heeft gedaan. Vraag de beheerder van Buurtagenda om uw account te verwijderen.",
    rateLimited: "U heeft het te vaak geprobeerd. Probeer het over {minutes} minuten opnieuw.",
    deleted: "Uw account is verwijderd. Bedankt voor uw bijdrage aan de buurt.",
  },
  en: {
    dataTitle: "Your data",
    downloadLink: "Download your data",
    downloadIntro:
      "You get a file with everything we keep about you: your account, your stories, your ideas, your reactions and reports.",
    deleteLink: "Delete account",
    deleteLinkIntro: "You choose what happens to your stories and ideas on the site.",
    exportAbout:
      "This is all the data Buurtagenda keeps about you. Made on {date}. Questions? See the Privacy page.",
    deleteTitle: "Delete account",
    deleteIntro: "Here you can delete your account. This cannot be undone.",
    deleteWhatTitle: "What happens?",
    deleteWhatAccount: "Your email address, your name and your password are erased.",
    deleteWhatUnpublished:
      "Stories that are not on the site are erased. These are stories that are still waiting, were rejected or that you withdrew.",
    deleteWhatReactions:
      "Your 'recognisable' clicks, your support for ideas and your reports are erased.",
    deleteWhatIdeas:
      "Your ideas go the same way as your stories. Ideas that are not on the site are erased. An idea others support or the municipality has answered stays, without your name.",
    deleteWhatSessions: "You are signed out, on your other devices too.",
    deleteWhatLog:
      "We keep a log of what happens on the site. That log stays. It holds a number, not your name or email address. After the deletion that number belongs to no one.",
    deleteDownloadFirst: "Do you want a copy of your data first? Then download your data first.",
    storiesLegend: "What happens to your stories on the site?",
    storiesCount:
      "Number of your stories on the site: {published}. Number of stories that are not on the site: {notPublished}.",
    storiesDelete: "Delete: your stories are taken off the site.",
    storiesKeep:
      "Keep them anonymously: your stories stay on the site, without a name. No one can then see they are yours.",
    storiesChoiceRequired: "Choose what happens to your stories on the site.",
    password: "Your password",
    passwordHint: "This way we know for sure it is you.",
    passwordRequired: "Enter your password.",
    passwordWrong: "This password is wrong. Nothing has changed.",
    confirm: "Yes, I want to delete my account and my data.",
    confirmRequired: "Tick the box if you are sure you want to delete your account.",
    deleteButton: "Delete account",
    cancel: "Back to my account",
    blocked:
      "You cannot delete this account yourself. You have a role: {roles}. Others work with what you did in that role. Ask the Buurtagenda administrator to delete your account.",
    rateLimited: "You have tried too often. Try again in {minutes} minutes.",
    deleted: "Your account has been deleted. Thank you for your contribution to the neighbourhood.",
  },
});
