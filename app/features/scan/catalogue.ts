// The themes (DOMAIN.md §5) and the indicator catalogue: what each figure means, which way is
// worse, and which themes it speaks to. Pure data plus the mapping from the CBS/RIVM dictionary.

export const THEMES = [
  ["traffic", "Verkeer en verkeersveiligheid", "Traffic and road safety"],
  ["accessibility", "Toegankelijkheid", "Accessibility"],
  ["clean_streets", "Schone en hele straten", "Clean and maintained streets"],
  ["play", "Speelplekken", "Play facilities"],
  ["lighting", "Verlichting", "Lighting"],
  [
    "public_space",
    "Inrichting van de openbare ruimte en groen",
    "Layout of public space and greenery",
  ],
  ["enforcement", "Toezicht en handhaving", "Supervision and enforcement"],
  ["youth_nuisance", "Overlast van jongeren", "Youth nuisance"],
  [
    "social_cohesion",
    "Contact tussen buren en ontmoetingsplekken",
    "Social cohesion and meeting places",
  ],
  ["care_wellbeing", "Zorg en welzijn", "Care and wellbeing"],
  ["loneliness", "Eenzaamheid", "Loneliness"],
  ["livelihood_debts", "Rondkomen en schulden", "Livelihood and debts"],
  ["health", "Gezondheid", "Health"],
  ["housing", "Wonen", "Housing"],
  ["sustainability", "Duurzaamheid en energie", "Sustainability and energy transition"],
  ["education", "Onderwijs en kansen", "Education and opportunity"],
  ["work_participation", "Werk en meedoen", "Work and participation"],
] as const;
export type ThemeKey = (typeof THEMES)[number][0];

export type Unit = "count" | "percent" | "score" | "euro" | "hectare" | "density";
export type Direction = "higher_is_worse" | "higher_is_better" | "neutral";

export interface IndicatorDefinition {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  direction: Direction;
  population: string;
  source: string;
  licence: string;
  themes: ThemeKey[];
  /** The count a share, score or density is taken over; see IndicatorValue in the schema. */
  baseIndicatorKey?: string;
}

const W = "higher_is_worse" as const;
const B = "higher_is_better" as const;
const N = "neutral" as const;

/** RIVM health-monitor figures by their base name: English label, direction, themes. */
const RIVM: Record<string, [string, Direction, ThemeKey[]]> = {
  ervaren_gezondheid_goed_zeer_goed: ["Good or very good perceived health", B, ["health"]],
  voldoet_aan_beweegrichtlijn: ["Meets the exercise guideline", B, ["health"]],
  wekelijkse_sporters: ["Does sport weekly", B, ["health"]],
  ondergewicht: ["Underweight", W, ["health"]],
  normaal_gewicht: ["Normal weight", B, ["health"]],
  overgewicht: ["Overweight", W, ["health"]],
  ernstig_overgewicht: ["Severe overweight", W, ["health"]],
  roker: ["Smoker", W, ["health"]],
  voldoet_aan_alcoholrichtlijn: ["Meets the alcohol guideline", B, ["health"]],
  drinker: ["Drinks alcohol", N, ["health"]],
  zware_drinker: ["Heavy drinker", W, ["health"]],
  overmatige_drinker: ["Excessive drinker", W, ["health"]],
  langdurige_aandoening: ["One or more long-term conditions", W, ["health", "care_wellbeing"]],
  beperkt_vanwege_gezondheid: ["Limited by health", W, ["health", "care_wellbeing"]],
  ernstig_beperkt_vanwege_gezondheid: [
    "Severely limited by health",
    W,
    ["health", "care_wellbeing"],
  ],
  langdurige_ziekte_en_beperkt: ["Long-term illness and limited", W, ["health", "care_wellbeing"]],
  lichamelijke_beperking: [
    "One or more physical disabilities",
    W,
    ["care_wellbeing", "accessibility"],
  ],
  beperking_in_horen: ["Hearing impairment", W, ["care_wellbeing", "accessibility"]],
  beperking_in_zien: ["Visual impairment", W, ["care_wellbeing", "accessibility"]],
  beperking_in_bewegen: ["Mobility impairment", W, ["care_wellbeing", "accessibility"]],
  risico_angst_depressie_matig_hoog: [
    "Moderate or high risk of anxiety or depression",
    W,
    ["health", "care_wellbeing"],
  ],
  risico_angst_depressie_hoog: [
    "High risk of anxiety or depression",
    W,
    ["health", "care_wellbeing"],
  ],
  heel_veel_stress: ["(Very) much stress in the past 4 weeks", W, ["health"]],
  regie_over_eigen_leven_matig_veel: [
    "Moderate or much control over own life",
    B,
    ["care_wellbeing"],
  ],
  eenzaam: ["Lonely", W, ["loneliness", "social_cohesion"]],
  ernstig_eenzaam: ["(Very) severely lonely", W, ["loneliness"]],
  emotioneel_eenzaam: ["Emotionally lonely", W, ["loneliness"]],
  sociaal_eenzaam: ["Socially lonely", W, ["loneliness", "social_cohesion"]],
  mantelzorger: ["Informal carer", N, ["care_wellbeing"]],
  vrijwilligerswerk: ["Volunteer work", B, ["social_cohesion", "work_participation"]],
  ernstige_geluidhinder_buren: [
    "Severe noise nuisance from neighbours",
    W,
    ["housing", "social_cohesion"],
  ],
  moeite_met_rondkomen: ["Struggling to make ends meet", W, ["livelihood_debts"]],
};

const CBS: Record<string, [string, Direction, ThemeKey[]]> = {
  aantal_inwoners: ["Residents", N, []],
  mannen: ["Men", N, []],
  vrouwen: ["Women", N, []],
  bevolkingsdichtheid: ["Population density", N, ["housing"]],
  woningvoorraad: ["Housing stock", N, ["housing"]],
  oppervlakte_totaal: ["Total area", N, []],
  oppervlakte_land: ["Land area", N, []],
  oppervlakte_water: ["Water area", N, []],
};

/** Inhabitants per km² of land: the area figure is weighted by land area. */
const CBS_BASE: Record<string, string> = { bevolkingsdichtheid: "cbs_oppervlakte_land" };

const RIVM_SOURCE = [
  "RIVM/GGD'en/CBS, Gezondheidsmonitor Volwassenen en Ouderen 2020",
  "Bron: RIVM/GGD'en/CBS",
];
const CBS_SOURCE = ["CBS, Kerncijfers wijken en buurten", "CC BY 4.0 (Bron: CBS)"];
const LOCAL_SOURCE = [
  "Gemeente, eigen registratie",
  "Alleen voor gebruik binnen de gemeente en het buurtplatform",
] as const;

/**
 * Figures the Heemstede analysis used that no file here has yet: they stay in the catalogue
 * without values until an import brings them.
 */
export const CATALOGUE_WITHOUT_DATA: IndicatorDefinition[] = [
  {
    key: "cbs_huishoudens",
    labelNl: "Huishoudens",
    labelEn: "Households",
    unit: "count",
    direction: N,
    population: "huishoudens",
    source: CBS_SOURCE[0]!,
    licence: CBS_SOURCE[1]!,
    themes: ["housing"],
  },
  {
    key: "cbs_huishoudens_met_kinderen_pct",
    labelNl: "Huishoudens met kinderen van 0 tot 15 jaar",
    labelEn: "Households with children aged 0–15",
    unit: "percent",
    direction: N,
    population: "huishoudens",
    source: CBS_SOURCE[0]!,
    licence: CBS_SOURCE[1]!,
    themes: ["play", "education"],
    baseIndicatorKey: "cbs_huishoudens",
  },
  {
    key: "cbs_inwoners_65plus_pct",
    labelNl: "Inwoners van 65 jaar of ouder",
    labelEn: "Residents aged 65 or over",
    unit: "percent",
    direction: N,
    population: "alle inwoners",
    source: CBS_SOURCE[0]!,
    licence: CBS_SOURCE[1]!,
    themes: ["care_wellbeing"],
    baseIndicatorKey: "cbs_aantal_inwoners",
  },
  {
    key: "cbs_ses_woa_score",
    labelNl: "Sociaaleconomische status (SES-WOA)",
    labelEn: "Socio-economic status (SES-WOA)",
    unit: "score",
    direction: B,
    population: "particuliere huishoudens",
    source: "CBS, SES-WOA",
    licence: CBS_SOURCE[1]!,
    themes: ["livelihood_debts", "education", "work_participation"],
    // CBS averages the score over private households.
    baseIndicatorKey: "cbs_huishoudens",
  },
  // A gemeente's own figures (issue 4, "local figures"): imported as long-format CSV with the
  // gemeente's own source label and shown like CBS figures everywhere.
  {
    key: "lokaal_wmo_clienten",
    labelNl: "Inwoners met een Wmo-voorziening",
    labelEn: "Residents with Wmo support",
    unit: "count",
    direction: W,
    population: "alle inwoners",
    source: LOCAL_SOURCE[0],
    licence: LOCAL_SOURCE[1],
    themes: ["care_wellbeing"],
  },
  {
    key: "lokaal_schuldhulp_clienten",
    labelNl: "Huishoudens in de schuldhulpverlening",
    labelEn: "Households in debt counselling",
    unit: "count",
    direction: W,
    population: "huishoudens",
    source: LOCAL_SOURCE[0],
    licence: LOCAL_SOURCE[1],
    themes: ["livelihood_debts"],
  },
];

const UNITS: Record<string, Unit> = {
  aantal: "count",
  "%": "percent",
  ha: "hectare",
  "inwoners per km2 land": "density",
  score: "score",
  "€": "euro",
};

export interface DictionaryRow {
  indicator_key: string;
  source: string;
  label_nl: string;
  unit: string;
  population: string;
}

/** A catalogue entry for a row of indicator-dictionary.csv, or null when we do not know the key. */
export function definitionFromDictionary(row: DictionaryRow): IndicatorDefinition | null {
  const unit = UNITS[row.unit];
  if (!unit) return null;
  const rivm = /^rivm_(.+)_(18|65)plus_pct$/.exec(row.indicator_key);
  if (rivm) {
    const meta = RIVM[rivm[1]!];
    if (!meta) return null;
    const age = `${rivm[2]}+`;
    return {
      key: row.indicator_key,
      labelNl: `${row.label_nl} (${age})`,
      labelEn: `${meta[0]} (${age})`,
      unit,
      direction: meta[1],
      population: row.population,
      source: RIVM_SOURCE[0]!,
      licence: RIVM_SOURCE[1]!,
      themes: meta[2],
    };
  }
  const cbs = /^cbs_(.+)$/.exec(row.indicator_key);
  const meta = cbs ? CBS[cbs[1]!] : undefined;
  if (!meta) return null;
  return {
    key: row.indicator_key,
    labelNl: row.label_nl,
    labelEn: meta[0],
    unit,
    direction: meta[1],
    population: row.population,
    source: CBS_SOURCE[0]!,
    licence: CBS_SOURCE[1]!,
    themes: meta[2],
    ...(CBS_BASE[cbs![1]!] ? { baseIndicatorKey: CBS_BASE[cbs![1]!] } : {}),
  };
}

/** Indicators a scan starts with when staff do not choose: the themes of the Heemstede analysis. */
export const DEFAULT_SCAN_INDICATORS = [
  "rivm_ernstig_eenzaam_65plus_pct",
  "rivm_eenzaam_18plus_pct",
  "rivm_moeite_met_rondkomen_18plus_pct",
  "rivm_langdurige_aandoening_18plus_pct",
  "rivm_mantelzorger_18plus_pct",
];
