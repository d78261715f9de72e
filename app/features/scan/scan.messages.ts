import { defineMessages } from "../../shared/i18n/i18n";

export const scanMessages = defineMessages({
  nl: {
    annotations: "Toelichting",
    annotateTitle: "Toelichting bij een cijfer",
    annotateIntro:
      "Zet context bij het cijfer van een buurt, bijvoorbeeld: veel 65-plussers door een groot verpleeghuis. De toelichting staat overal waar dit cijfer staat.",
    annotation: "Toelichting",
    annotateButton: "Toelichting opslaan",
    annotationSaved: "De toelichting is opgeslagen.",
    chooseBuurt: "Kies een buurt",
    annotationRequired: "Schrijf de toelichting.",
    annotationTooLong: "De toelichting is te lang. Gebruik hoogstens 1000 tekens.",
    annotationArea: "Kies een buurt van deze gemeente.",
    legend: "Legenda",
    legendNoValue: "geen cijfer",
    mapCaption:
      "Kaart: {indicator} per buurt. Hoe donkerder, hoe meer aandacht. De tabel hieronder bevat dezelfde cijfers.",
    figuresLink: "Cijfers en ranglijst (alleen voor gemeente, buurtplatform en adviesraad)",
    figuresTitle: "Cijfers van {name}",
    figuresIntro:
      "Kies een cijfer. U ziet dan alle buurten op volgorde: bovenaan de buurt die op dit cijfer de meeste aandacht vraagt.",
    internalNote:
      "Deze pagina is niet openbaar. Ranglijsten kunnen buurten een stempel geven; deel ze daarom niet buiten de gemeente, het buurtplatform en de adviesraad.",
    indicator: "Cijfer",
    show: "Tonen",
    rank: "Plaats",
    buurt: "Buurt",
    value: "Waarde",
    gemeenteValue: "Gemeente",
    nationalValue: "Nederland",
    noNational:
      "Deze gegevens hebben geen landelijk cijfer. Daarom staat er geen vergelijking met Nederland.",
    noGemeente: "Deze gegevens hebben geen cijfer voor de hele gemeente.",
    rankingCaption: "{indicator}, {year}. Plaats 1 vraagt de meeste aandacht ({direction}).",
    direction_higher_is_worse: "hoe hoger, hoe zorgelijker",
    direction_higher_is_better: "hoe lager, hoe zorgelijker",
    direction_neutral: "van hoog naar laag; hoog is niet per se slecht",
    withoutValue:
      "Geen cijfer voor: {names}. Vaak wonen daar te weinig mensen om het cijfer te mogen tonen.",
    noValues: "Voor dit cijfer zijn er geen cijfers per buurt.",
    source: "Bron: {source}",
  },
  en: {
    annotations: "Context",
    annotateTitle: "Context for a figure",
    annotateIntro:
      "Add context to a neighbourhood's figure, for example: many residents aged 65+ because of a large care home. The context shows wherever this figure shows.",
    annotation: "Context",
    annotateButton: "Save context",
    annotationSaved: "The context has been saved.",
    chooseBuurt: "Choose a neighbourhood",
    annotationRequired: "Write the context.",
    annotationTooLong: "The context is too long. Use at most 1000 characters.",
    annotationArea: "Choose a neighbourhood of this municipality.",
    legend: "Legend",
    legendNoValue: "no figure",
    mapCaption:
      "Map: {indicator} per neighbourhood. The darker, the more attention. The table below holds the same figures.",
    figuresLink: "Figures and ranking (municipality, neighbourhood platform and council only)",
    figuresTitle: "Figures of {name}",
    figuresIntro:
      "Choose a figure. You then see all neighbourhoods in order: at the top the one that asks most attention on this figure.",
    internalNote:
      "This page is not public. Rankings can stigmatise neighbourhoods; do not share them outside the municipality, the neighbourhood platform and the advisory council.",
    indicator: "Figure",
    show: "Show",
    rank: "Rank",
    buurt: "Neighbourhood",
    value: "Value",
    gemeenteValue: "Municipality",
    nationalValue: "Netherlands",
    noNational: "This data has no national figure, so there is no comparison with the Netherlands.",
    noGemeente: "This data has no figure for the whole municipality.",
    rankingCaption: "{indicator}, {year}. Rank 1 asks most attention ({direction}).",
    direction_higher_is_worse: "the higher, the more worrying",
    direction_higher_is_better: "the lower, the more worrying",
    direction_neutral: "from high to low; high is not necessarily bad",
    withoutValue:
      "No figure for: {names}. Often too few people live there for the figure to be published.",
    noValues: "There are no figures per neighbourhood for this indicator.",
    source: "Source: {source}",
  },
});
