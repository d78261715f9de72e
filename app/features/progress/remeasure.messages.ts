import { defineMessages } from "../../shared/i18n/i18n";

// "Did it help?": then (the frozen buurtscan) and now (the newest imported year). B1 Dutch.

export const remeasureMessages = defineMessages({
  nl: {
    title: "Heeft het geholpen?",
    intro:
      "De cijfers die deze afspraak wil veranderen: toen (de buurtscan) en nu (het nieuwste jaar dat is ingelezen). Een cijfer zegt niet alles: het kan ook door andere dingen veranderen.",
    none: "Deze afspraak noemt geen cijfers uit de buurtscan.",
    noneOnDashboard: "Geen afspraak noemt cijfers uit een buurtscan.",
    caption: "Cijfers toen en nu",
    indicator: "Cijfer",
    then: "Toen",
    now: "Nu",
    change: "Verschil",
    verdict: "Richting",
    yearValue: "{value} ({year})",
    perBuurt: "{indicator} — {buurt}",
    "state_no-newer": "Nog geen nieuwer jaar",
    "state_no-figure-then": "Geen cijfer voor het hele gebied in de buurtscan",
    "state_no-figure-now": "Geen cijfer voor het hele gebied in {year}",
    verdict_better: "Beter",
    verdict_worse: "Slechter",
    verdict_same: "Gelijk gebleven",
    verdict_neutral: "Veranderd (geen goed of slecht)",
    summary:
      "{better} beter, {worse} slechter, {same} gelijk, {neutral} veranderd zonder richting; {waiting} wachten op nieuwe cijfers.",
    indicatorsLegend: "Welke cijfers uit de buurtscan wil deze afspraak veranderen?",
    indicatorsHelp:
      "Uit buurtscan {number}. Als er nieuwe cijfers zijn, ziet u hier en op het dashboard of ze beter of slechter zijn.",
    indicatorForeign: "Kies cijfers uit de afgeronde buurtscan van deze buurtagenda.",
  },
  en: {
    title: "Did it help?",
    intro:
      "The figures this agreement aims to change: then (the buurtscan) and now (the newest year imported). A figure does not tell everything: other things can change it too.",
    none: "This agreement names no figures from the buurtscan.",
    noneOnDashboard: "No agreement names figures from a buurtscan.",
    caption: "Figures then and now",
    indicator: "Figure",
    then: "Then",
    now: "Now",
    change: "Change",
    verdict: "Direction",
    yearValue: "{value} ({year})",
    perBuurt: "{indicator} — {buurt}",
    "state_no-newer": "No newer year yet",
    "state_no-figure-then": "No figure for the whole area in the buurtscan",
    "state_no-figure-now": "No figure for the whole area in {year}",
    verdict_better: "Better",
    verdict_worse: "Worse",
    verdict_same: "Stayed the same",
    verdict_neutral: "Changed (neither good nor bad)",
    summary:
      "{better} better, {worse} worse, {same} the same, {neutral} changed without a direction; {waiting} waiting for new figures.",
    indicatorsLegend: "Which figures from the buurtscan does this agreement aim to change?",
    indicatorsHelp:
      "From buurtscan {number}. When new figures arrive, this page and the dashboard show whether they got better or worse.",
    indicatorForeign: "Choose figures from this neighbourhood agenda's finished buurtscan.",
  },
});
