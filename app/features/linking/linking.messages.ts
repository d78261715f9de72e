import { defineMessages } from "../../shared/i18n/i18n";

// Block 5 is for staff, the platform and the council; plain words all the same.

export const linkingMessages = defineMessages({
  nl: {
    matrixTitle: "Tellen en vertellen: {title}",
    matrixIntro:
      "Per onderwerp ziet u wat de cijfers van de buurtscan zeggen en wat bewoners vertellen. Zo ziet u waar beide hetzelfde zeggen, en waar ze verschillen.",
    internal:
      "Alleen voor de gemeente, het buurtplatform en de adviesraad: hier staan rangen van buurten.",
    noScan:
      "Er is nog geen afgeronde buurtscan. Daarom telt hier alleen wat bewoners vertellen. Rond de buurtscan af in bouwsteen 2.",
    scanLink: "Naar de buurtscan",
    scanUsed:
      "Cijfers uit buurtscan {number}, afgerond op {date}. Verhalen: {count} gepubliceerde verhalen uit het gebied.",
    ruleTitle: "Hoe wordt een onderwerp ingedeeld?",
    ruleFigures:
      "Cijfers: voor elk cijfer van het onderwerp krijgen alle buurten van de gemeente een rang. De buurt die de meeste aandacht vraagt krijgt score 100, de buurt die de minste vraagt 0. Het gebied krijgt het gemiddelde van zijn buurten. Het onderwerp ‘valt op in de cijfers’ als het hoogste cijfer minstens {statistical} is.",
    ruleStories:
      "Verhalen: elk gepubliceerd verhaal telt 1, plus 1 voor elke keer dat iemand het herkenbaar vond. Het onderwerp ‘valt op in de verhalen’ als minstens {storyShare}% van dat gewicht erover gaat, en er minstens {minStories} verhalen over zijn.",
    ruleKinds:
      "Beide: bevestigd. Alleen verhalen: gevoeld. Alleen cijfers: verborgen (ga op zoek naar verhalen). Geen van beide: rustig.",
    kind_confirmed: "Bevestigd",
    kind_felt: "Gevoeld",
    kind_hidden: "Verborgen",
    kind_quiet: "Rustig",
    kindHelp_confirmed: "cijfers en verhalen zeggen hetzelfde",
    kindHelp_felt: "bewoners vertellen het, de cijfers laten het niet zien",
    kindHelp_hidden: "de cijfers laten het zien, weinig bewoners vertellen erover",
    kindHelp_quiet: "cijfers en verhalen vallen niet op",
    chartTitle: "Onderwerpen in één oogopslag",
    chartLabel:
      "Grafiek: per onderwerp de score in de cijfers (omhoog) en het deel van de verhalen (naar rechts). De tabel hieronder geeft dezelfde gegevens.",
    axisFigures: "Cijfers (score)",
    axisStories: "Verhalen (deel van het gewicht)",
    tableTitle: "Alle onderwerpen",
    theme: "Onderwerp",
    kind: "Soort",
    figures: "Cijfers",
    stories: "Verhalen",
    noFigure: "geen cijfer in de scan",
    storiesValue: "{count} verhalen, {share}%",
    detailsTitle: "Per onderwerp: cijfers en verhalen naast elkaar",
    indicatorRanks: "{label}: score {score}; {ranks}",
    rankOf: "{buurt} rang {rank} van {of}",
    noIndicators: "Geen cijfers in de buurtscan over dit onderwerp.",
    topStories: "Meest herkend",
    noStories: "Nog geen verhalen over dit onderwerp.",
    recognisedCount: "{count} keer herkenbaar",
    thresholdsTitle: "Drempels voor deze buurtagenda",
    thresholdsIntro:
      "De gemeente kan de drempels aanpassen. Standaard: cijfers 75, verhalen 15% en minstens 3 verhalen.",
    thresholdsCustom: "Deze buurtagenda heeft eigen drempels.",
    statisticalThreshold: "Drempel cijfers (1 tot 100)",
    storyShareThreshold: "Drempel verhalen, in procenten (1 tot 100)",
    minStories: "Minimaal aantal verhalen",
    statisticalThresholdInvalid: "Vul een heel getal van 1 tot 100 in.",
    storyShareThresholdInvalid: "Vul een heel getal van 1 tot 100 in.",
    minStoriesInvalid: "Vul een heel getal van 1 tot 1000 in.",
    saveThresholds: "Drempels opslaan",
    resetThresholds: "Terug naar de standaard",
    thresholdsSaved: "De drempels zijn opgeslagen.",
    thresholdsReset: "De standaard drempels gelden weer.",
  },
  en: {
    matrixTitle: "Counting and telling: {title}",
    matrixIntro:
      "For each topic you see what the figures of the neighbourhood scan say and what residents tell. So you see where both say the same, and where they differ.",
    internal:
      "Only for the municipality, the neighbourhood platform and the advisory council: this page ranks neighbourhoods.",
    noScan:
      "There is no finished neighbourhood scan yet, so only what residents tell counts here. Finish the scan in building block 2.",
    scanLink: "To the neighbourhood scan",
    scanUsed:
      "Figures from scan {number}, finished on {date}. Stories: {count} published stories from the area.",
    ruleTitle: "How is a topic classified?",
    ruleFigures:
      "Figures: for each figure of the topic, all neighbourhoods of the municipality get a rank. The one that asks most attention scores 100, the one that asks least 0. The area gets the average of its neighbourhoods. The topic ‘stands out in the figures’ when its highest figure is at least {statistical}.",
    ruleStories:
      "Stories: each published story counts 1, plus 1 for every time someone found it recognisable. The topic ‘stands out in the stories’ when at least {storyShare}% of that weight is about it, and at least {minStories} stories are.",
    ruleKinds:
      "Both: confirmed. Stories only: felt. Figures only: hidden (go and look for stories). Neither: quiet.",
    kind_confirmed: "Confirmed",
    kind_felt: "Felt",
    kind_hidden: "Hidden",
    kind_quiet: "Quiet",
    kindHelp_confirmed: "figures and stories say the same",
    kindHelp_felt: "residents tell it, the figures do not show it",
    kindHelp_hidden: "the figures show it, few residents tell about it",
    kindHelp_quiet: "neither figures nor stories stand out",
    chartTitle: "Topics at a glance",
    chartLabel:
      "Chart: for each topic the score in the figures (up) and the share of the stories (right). The table below holds the same data.",
    axisFigures: "Figures (score)",
    axisStories: "Stories (share of the weight)",
    tableTitle: "All topics",
    theme: "Topic",
    kind: "Kind",
    figures: "Figures",
    stories: "Stories",
    noFigure: "no figure in the scan",
    storiesValue: "{count} stories, {share}%",
    detailsTitle: "Per topic: figures and stories side by side",
    indicatorRanks: "{label}: score {score}; {ranks}",
    rankOf: "{buurt} rank {rank} of {of}",
    noIndicators: "No figures in the scan about this topic.",
    topStories: "Most recognised",
    noStories: "No stories about this topic yet.",
    recognisedCount: "recognised {count} times",
    thresholdsTitle: "Thresholds for this agenda",
    thresholdsIntro:
      "The municipality can change the thresholds. Default: figures 75, stories 15% and at least 3 stories.",
    thresholdsCustom: "This agenda has its own thresholds.",
    statisticalThreshold: "Threshold for figures (1 to 100)",
    storyShareThreshold: "Threshold for stories, in percent (1 to 100)",
    minStories: "Minimum number of stories",
    statisticalThresholdInvalid: "Enter a whole number from 1 to 100.",
    storyShareThresholdInvalid: "Enter a whole number from 1 to 100.",
    minStoriesInvalid: "Enter a whole number from 1 to 1000.",
    saveThresholds: "Save thresholds",
    resetThresholds: "Back to the default",
    thresholdsSaved: "The thresholds have been saved.",
    thresholdsReset: "The default thresholds apply again.",
  },
});
