import { defineMessages } from "../../shared/i18n/i18n";

// Mail about stories, at B1 level. Never the story text itself: mail is less private than the
// site. The reasons for not publishing come from stories.messages.ts (reason_*).

export const notificationMessages = defineMessages({
  nl: {
    hello: "Hallo,",
    signature: "Buurtagenda",
    aboutTitle: "Het gaat om uw verhaal ‘{title}’.",
    publishedSubject: "Uw verhaal staat op de website",
    publishedBody:
      "Een moderator heeft uw verhaal gelezen. Het staat nu op de website. Andere mensen kunnen het lezen.\n\nBekijk het hier: {url}",
    publishedEnd:
      "Wilt u het toch niet op de website? Op ‘Mijn verhalen’ kunt u het intrekken: {myStoriesUrl}",
    rejectedSubject: "Uw verhaal staat niet op de website",
    rejectedBody:
      "Een moderator heeft uw verhaal gelezen. Het staat niet op de website.\n\nDe reden: {reason}.",
    rejectedNote: "De moderator schreef erbij: {note}",
    rejectedEnd:
      "Op ‘Mijn verhalen’ ziet u uw verhaal en de reden: {myStoriesUrl}\n\nU kunt altijd een nieuw verhaal vertellen.",
    anonymisedSubject: "Een moderator heeft uw verhaal aangepast",
    anonymisedBody:
      "Een moderator heeft uw verhaal een beetje aangepast. Namen, adressen of andere gegevens zijn weggehaald. Zo kan niemand herkend worden.",
    anonymisedEnd: "U kunt de nieuwe tekst lezen op ‘Mijn verhalen’: {myStoriesUrl}",
    digestSubject: "Verhalen wachten op controle ({count})",
    digestIntro: "In uw gebied wachten verhalen op controle:",
    digestSubmitted_one: "1 nieuw verhaal",
    digestSubmitted_other: "{count} nieuwe verhalen",
    digestReported_one: "1 gemeld verhaal",
    digestReported_other: "{count} gemelde verhalen",
    digestOldest: "Het oudste verhaal wacht sinds {since}.",
    digestLink: "Bekijk de verhalen: {url}",
    digestWhy: "U krijgt deze e-mail elke ochtend als er verhalen wachten.",
  },
  en: {
    hello: "Hello,",
    signature: "Buurtagenda",
    aboutTitle: "This is about your story ‘{title}’.",
    publishedSubject: "Your story is on the website",
    publishedBody:
      "A moderator has read your story. It is now on the website. Other people can read it.\n\nSee it here: {url}",
    publishedEnd:
      "Do you not want it on the website after all? You can withdraw it on ‘My stories’: {myStoriesUrl}",
    rejectedSubject: "Your story is not on the website",
    rejectedBody:
      "A moderator has read your story. It is not on the website.\n\nThe reason: {reason}.",
    rejectedNote: "The moderator added: {note}",
    rejectedEnd:
      "On ‘My stories’ you can see your story and the reason: {myStoriesUrl}\n\nYou can always tell a new story.",
    anonymisedSubject: "A moderator has edited your story",
    anonymisedBody:
      "A moderator has edited your story a little. Names, addresses or other details were removed, so that nobody can be recognised.",
    anonymisedEnd: "You can read the new text on ‘My stories’: {myStoriesUrl}",
    digestSubject: "Stories are waiting for a check ({count})",
    digestIntro: "In your area, stories are waiting for a check:",
    digestSubmitted_one: "1 new story",
    digestSubmitted_other: "{count} new stories",
    digestReported_one: "1 reported story",
    digestReported_other: "{count} reported stories",
    digestOldest: "The oldest has been waiting since {since}.",
    digestLink: "See the stories: {url}",
    digestWhy: "You get this email every morning when stories are waiting.",
  },
});
