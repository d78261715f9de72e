import { defineMessages } from "../../shared/i18n/i18n";

export const retentionMessages = defineMessages({
  nl: {
    mailSubject: "Uw account bij Buurtagenda wordt verwijderd",
    mailBody:
      "U heeft uw account lang niet gebruikt. Wij bewaren geen gegevens die niemand meer gebruikt. Daarom verwijderen we uw account na {date}. Verhalen en ideeën die u deelde en die gepubliceerd zijn, blijven staan, zonder uw naam.",
    mailKeep: "Wilt u uw account houden? Log dan voor {date} één keer in: {url}",
    mailHello: "Hallo,",
  },
  en: {
    mailSubject: "Your Buurtagenda account will be removed",
    mailBody:
      "You have not used your account for a long time. We do not keep data nobody uses. So we remove your account after {date}. Published stories and ideas you shared stay, without your name.",
    mailKeep: "Do you want to keep your account? Sign in once before {date}: {url}",
    mailHello: "Hello,",
  },
});
