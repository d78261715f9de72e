import { db } from "../../shared/db.server";
import { storyFingerprint } from "./repeats";

// Invented demo stories (issue 5): a few dozen for the composite Heemstede area and for one
// Haarlem and one Sittard-Geleen buurt, spread over themes, channels and moderation states. Every
// one is marked is_demo, shown as "example story", and never mixed up with real contributions.
// Only loaded outside production, like the demo accounts.

type Seed = [
  buurtCode: string,
  title: string,
  text: string,
  themes: string[],
  channel: "online" | "interview" | "walk" | "meeting" | "survey",
  status: "submitted" | "published" | "rejected",
  tellerName?: string,
];

const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const HAARLEM = "BU03920102"; // Binnenstad
const SITTARD = "BU18830100"; // Sittard-Centrum

const STORIES: Seed[] = [
  [
    GLIPPER_DREEF,
    "Donker pad naar de bushalte",
    "Het pad van de Glipperweg naar de bushalte is 's avonds heel donker. Ik loop er niet graag alleen.",
    ["lighting", "traffic"],
    "online",
    "published",
    "Fatima",
  ],
  [
    GLIPPER_DREEF,
    "Te hard rijden",
    "Op de Glipper Dreef wordt vaak te hard gereden, ook als de school uitgaat.",
    ["traffic"],
    "walk",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Geen plek om elkaar te zien",
    "Sinds het buurthuis dicht is, zie ik mijn buren bijna niet meer.",
    ["social_cohesion", "loneliness"],
    "interview",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Speeltuin",
    "De speeltuin achter de flat is oud. De kinderen spelen nu op straat.",
    ["play"],
    "meeting",
    "published",
    "Ahmed",
  ],
  [
    GLIPPER_DREEF,
    "Alleen sinds mijn man overleed",
    "Ik ben 82 en kom weinig buiten. Een koffieochtend in de buurt zou fijn zijn.",
    ["loneliness", "care_wellbeing"],
    "interview",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Vuil bij de containers",
    "Rond de containers ligt vaak afval. Het trekt ratten aan.",
    ["clean_streets"],
    "online",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Rondkomen",
    "Met de hoge energierekening is het elke maand krap. Ik weet niet waar ik hulp kan vragen.",
    ["livelihood_debts"],
    "survey",
    "published",
  ],
  // Money worries and loneliness are told often in the composite area: with the real RIVM
  // figures, block 5 shows money worries as confirmed and loneliness as felt (issue 6).
  [
    GLIPPER_DREEF,
    "Schulden door een boete",
    "Ik had een boete die steeds hoger werd. Nu heb ik schulden. Ik schaam me om hulp te vragen.",
    ["livelihood_debts"],
    "interview",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Voedselbank",
    "Steeds meer buren gaan naar de voedselbank. Niemand praat erover.",
    ["livelihood_debts"],
    "walk",
    "published",
  ],
  [
    DE_GLIP,
    "Sport is te duur",
    "Mijn kinderen kunnen niet op sport, dat is te duur. Andere ouders zeggen hetzelfde.",
    ["livelihood_debts"],
    "meeting",
    "published",
  ],
  [
    DE_GLIP,
    "Brief over toeslagen",
    "Ik kreeg een brief over toeslagen die ik niet begrijp. Ik durf niet te bellen.",
    ["livelihood_debts"],
    "online",
    "published",
  ],
  [
    DE_GLIP,
    "Niemand belt nog",
    "Sinds ik niet meer werk, belt bijna niemand me nog. De dagen zijn lang.",
    ["loneliness"],
    "interview",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Nieuwe buren",
    "Ik woon hier twee jaar en ken nog geen buren. Er is geen plek om elkaar te leren kennen.",
    ["loneliness"],
    "online",
    "published",
  ],
  [
    DE_GLIP,
    "Koffieochtend gestopt",
    "De koffieochtend in de kerk is gestopt. Voor veel ouderen was dat het enige uitje van de week.",
    ["loneliness"],
    "walk",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Groen",
    "Het grasveld bij de flat is mooi, maar er staat geen enkel bankje.",
    ["public_space"],
    "walk",
    "published",
  ],
  [
    GLIPPER_DREEF,
    "Mantelzorg",
    "Ik zorg voor mijn moeder en heb zelf geen tijd meer voor iets anders.",
    ["care_wellbeing"],
    "interview",
    "submitted",
  ],
  [
    GLIPPER_DREEF,
    "Fietsen op de stoep",
    "Veel fietsers rijden over de stoep. Met mijn rollator schrik ik daarvan.",
    ["traffic", "accessibility"],
    "online",
    "submitted",
    "Truus",
  ],
  [GLIPPER_DREEF, "Reclame", "Bel ons voor de goedkoopste dakgoten!", [], "online", "rejected"],
  [
    DE_GLIP,
    "Stoepen",
    "De stoepen in De Glip zijn scheef. Met een rolstoel kom je er niet door.",
    ["accessibility"],
    "walk",
    "published",
  ],
  [
    DE_GLIP,
    "Jongeren bij het bankje",
    "'s Avonds hangen er jongeren bij het bankje. Ze doen niets, maar sommige ouderen vinden het eng.",
    ["youth_nuisance"],
    "meeting",
    "published",
  ],
  [
    DE_GLIP,
    "Lantaarnpaal kapot",
    "De lantaarnpaal op de hoek doet het al weken niet.",
    ["lighting"],
    "online",
    "published",
    "Kees",
  ],
  [
    DE_GLIP,
    "Buurtapp",
    "Via de buurtapp helpen we elkaar met boodschappen. Dat werkt goed!",
    ["social_cohesion"],
    "survey",
    "published",
  ],
  [
    DE_GLIP,
    "Parkeren",
    "Er zijn te weinig parkeerplaatsen sinds de nieuwe woningen er staan.",
    ["traffic", "housing"],
    "online",
    "submitted",
  ],
  [
    DE_GLIP,
    "Isolatie",
    "Onze huurwoning is slecht geïsoleerd. Het is koud en de rekening is hoog.",
    ["housing", "sustainability"],
    "interview",
    "published",
  ],
  [
    DE_GLIP,
    "Hondenpoep",
    "Op het grasveld ligt veel hondenpoep. De kinderen kunnen er niet spelen.",
    ["clean_streets", "play"],
    "walk",
    "published",
  ],
  [
    HAARLEM,
    "Markt",
    "De markt op zaterdag is de plek waar ik iedereen tegenkom.",
    ["social_cohesion"],
    "online",
    "published",
  ],
  [
    HAARLEM,
    "Drukte",
    "Het is erg druk met fietsers in de smalle straten.",
    ["traffic"],
    "walk",
    "published",
  ],
  [
    HAARLEM,
    "Terrassen",
    "De terrassen nemen de hele stoep in. Met een kinderwagen moet je de straat op.",
    ["accessibility", "public_space"],
    "meeting",
    "submitted",
  ],
  [
    HAARLEM,
    "Afval",
    "Na het weekend liggen de straten vol afval.",
    ["clean_streets"],
    "online",
    "published",
  ],
  [
    SITTARD,
    "Leegstand",
    "Veel winkels staan leeg. Het centrum voelt verlaten.",
    ["public_space", "work_participation"],
    "meeting",
    "published",
  ],
  [
    SITTARD,
    "Ouderen",
    "Voor ouderen is er weinig te doen in de buurt.",
    ["loneliness", "care_wellbeing"],
    "interview",
    "published",
  ],
  [
    SITTARD,
    "Werk",
    "Ik zoek al lang werk. Een plek in de buurt om te leren zou helpen.",
    ["work_participation", "education"],
    "survey",
    "submitted",
  ],
];

/** Adds the demo stories once; a second run finds them and adds nothing. */
export async function seedDemoStories(): Promise<number> {
  if ((await db().story.count({ where: { isDemo: true } })) > 0) return 0;
  const buurten = await db().buurt.findMany({
    where: { code: { in: [...new Set(STORIES.map((s) => s[0]))] } },
    distinct: ["code"],
    select: { code: true, gemeenteCode: true },
  });
  const gemeenteOf = new Map(buurten.map((b) => [b.code, b.gemeenteCode]));
  const seeds = STORIES.filter((s) => gemeenteOf.has(s[0]));
  await db().$transaction(async (tx) => {
    for (const [
      index,
      [buurtCode, title, text, themes, channel, status, tellerName],
    ] of seeds.entries()) {
      await tx.story.create({
        data: {
          buurtCode,
          gemeenteCode: gemeenteOf.get(buurtCode)!,
          title,
          text,
          textFingerprint: storyFingerprint(text),
          channel,
          status,
          rejectionReason: status === "rejected" ? "advertising" : null,
          showName: Boolean(tellerName),
          tellerName: tellerName ?? "",
          consentPublish: true,
          consentQuote: index % 3 !== 0,
          isDemo: true,
          // Spread over the past weeks, so "oldest first" and "newest first" mean something.
          createdAt: new Date(Date.now() - (seeds.length - index) * 36 * 60 * 60 * 1000),
          themes: { create: themes.map((themeKey) => ({ themeKey })) },
        },
      });
    }
  });
  return seeds.length;
}
