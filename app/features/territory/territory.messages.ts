import { defineMessages } from "../../shared/i18n/i18n";

export const territoryMessages = defineMessages({
  nl: {
    homeTitle: "Samen werken aan uw buurt",
    homeIntro:
      "Op Buurtagenda maken bewoners, de gemeente en organisaties samen afspraken om een buurt beter te maken. Kies uw gemeente om de buurten te zien.",
    gemeentenTitle: "Gemeenten",
    noGemeenten: "Er zijn nog geen gemeenten ingelezen.",
    wijkenCount: "{count} wijken",
    gemeenteIntro:
      "{name} heeft {wijken} wijken en {buurten} buurten. Kies een buurt op de kaart of in de lijst.",
    wijkenTitle: "Wijken en buurten",
    mapCaption:
      "Kaart van de buurten. De lijst met wijken en buurten hieronder bevat dezelfde buurten.",
    buurtMapCaption: "Kaart met de grens van de buurt {name}.",
    mapLabel: "Kaart van {name}",
    mapUnavailable: "De kaart kan op dit apparaat niet worden getoond. Gebruik de lijst.",
    mapLoading: "De kaart wordt geladen.",
    mapShow: "Kaart tonen",
    mapShowHint: "Op een klein scherm laadt de kaart pas als u erom vraagt. Dat spaart data.",
    buurtCode: "CBS-code",
    buurtWijk: "Wijk",
    buurtGemeente: "Gemeente",
    buurtYear: "Indeling",
    buurtYearValue: "CBS {year}",
    backToGemeente: "Alle buurten van {name}",
  },
  en: {
    homeTitle: "Working together on your neighbourhood",
    homeIntro:
      "On Buurtagenda, residents, the municipality and organisations make agreements together to improve a neighbourhood. Choose your municipality to see its neighbourhoods.",
    gemeentenTitle: "Municipalities",
    noGemeenten: "No municipalities have been loaded yet.",
    wijkenCount: "{count} districts",
    gemeenteIntro:
      "{name} has {wijken} districts and {buurten} neighbourhoods. Choose a neighbourhood on the map or in the list.",
    wijkenTitle: "Districts and neighbourhoods",
    mapCaption:
      "Map of the neighbourhoods. The list of districts and neighbourhoods below holds the same neighbourhoods.",
    buurtMapCaption: "Map with the boundary of the neighbourhood {name}.",
    mapLabel: "Map of {name}",
    mapUnavailable: "The map cannot be shown on this device. Please use the list.",
    mapLoading: "The map is loading.",
    mapShow: "Show the map",
    mapShowHint: "On a small screen the map loads only when you ask for it. That saves data.",
    buurtCode: "CBS code",
    buurtWijk: "District",
    buurtGemeente: "Municipality",
    buurtYear: "Boundaries",
    buurtYearValue: "CBS {year}",
    backToGemeente: "All neighbourhoods of {name}",
  },
});
