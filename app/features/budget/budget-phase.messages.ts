import { defineMessages } from "../../shared/i18n/i18n";

// The few budget texts the public buurtagenda page shows: apart, so that page does not download
// all of budget.messages.ts (which includes these).

export const budgetPhaseMessages = defineMessages({
  nl: {
    publicHeading: "Wijkbegroting: bewoners kiezen",
    phase_upcoming: "Begint op {from}",
    phase_open: "Stemmen kan tot en met {to}",
    phase_ended: "De stemtijd is voorbij; de stemmen worden geteld",
    phase_closed: "Geteld",
  },
  en: {
    publicHeading: "Neighbourhood budget: residents choose",
    phase_upcoming: "Starts on {from}",
    phase_open: "Voting is open until {to}",
    phase_ended: "Voting time is over; the votes are being counted",
    phase_closed: "Counted",
  },
});
