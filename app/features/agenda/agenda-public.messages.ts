import { defineMessages } from "../../shared/i18n/i18n";

// The few agenda texts of the public buurtagenda page. agendaMessages includes them; the public
// page imports only these, so a resident's phone does not download the workspace's 25 KB of
// texts before the first paint (Lighthouse LCP, docs/performance.md).

export const agendaPublicMessages = defineMessages({
  nl: {
    period: "Periode",
    area: "Gebied",
    workspaceLink: "Naar de werkruimte",
    ideasLink: "Ideeën voor de buurt: lees ze, steun ze of geef zelf een idee",
  },
  en: {
    period: "Period",
    area: "Area",
    workspaceLink: "To the workspace",
    ideasLink: "Ideas for the neighbourhood: read them, support them or give your own",
  },
});
