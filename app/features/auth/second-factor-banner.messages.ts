import { defineMessages } from "../../shared/i18n/i18n";

// The banner every page shows to staff whose second step is still due: its own small module, so
// the root layout does not carry the whole second-factor catalogue to every visitor.

export const secondFactorBannerMessages = defineMessages({
  nl: {
    bannerVerify:
      "U doet nu mee als bewoner. Om als medewerker te werken, vult u de code uit uw app in.",
    bannerEnrol:
      "U doet nu mee als bewoner. Om als medewerker te werken, stelt u eerst tweestapsverificatie in.",
    bannerLink: "Naar de tweede stap",
  },
  en: {
    bannerVerify:
      "You now take part as a resident. To work as staff, enter the code from your app.",
    bannerEnrol:
      "You now take part as a resident. To work as staff, first set up two-step verification.",
    bannerLink: "To the second step",
  },
});
