import { defineMessages } from "../../shared/i18n/i18n";

export const secondFactorMessages = defineMessages({
  nl: {
    verifyTitle: "Tweede stap: code uit uw app",
    verifyIntro:
      "U werkt met gegevens van bewoners. Daarom vragen we na het inloggen ook de code uit uw authenticator-app.",
    totpCode: "Code van 6 cijfers uit uw app",
    totpHint: "De code verandert elke 30 seconden.",
    confirmButton: "Bevestigen",
    useRecoveryCode: "Telefoon kwijt? Gebruik een herstelcode",
    recoveryCode: "Herstelcode",
    recoveryHint: "Tien tekens, bijvoorbeeld abcde-fgh23. Elke herstelcode werkt één keer.",
    recoveryButton: "Herstelcode gebruiken",
    totpRequired: "Vul de code uit uw app in.",
    totpFormat: "De code bestaat uit 6 cijfers.",
    recoveryRequired: "Vul een herstelcode in.",
    recoveryFormat: "Een herstelcode heeft 10 letters en cijfers, zoals abcde-fgh23.",
    codeWrong:
      "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat en probeer de nieuwe code.",
    recoveryWrong: "Deze herstelcode klopt niet of is al gebruikt.",
    rateLimited: "Te vaak geprobeerd. Probeer het over {minutes} minuten opnieuw.",
    demoHint: "Demo-account: de code is nu {code}.",
    skip: "Nu niet: verder als bewoner",
    enrolTitle: "Tweestapsverificatie",
    enrolIntro:
      "Medewerkers van de gemeente en het buurtplatform en beheerders loggen in met hun wachtwoord én een code uit een app op hun telefoon. Zo kan niemand anders met uw account bij de gegevens van bewoners.",
    enrolStep1:
      "Installeer een authenticator-app op uw telefoon, bijvoorbeeld FreeOTP, Microsoft Authenticator of Google Authenticator.",
    enrolStep2: "Scan deze QR-code met de app.",
    qrLabel: "QR-code om Buurtagenda aan uw authenticator-app toe te voegen",
    keyLabel: "Kunt u niet scannen? Typ dan deze sleutel in de app:",
    enrolStep3: "Vul de code in die de app nu laat zien.",
    enrolButton: "Tweestapsverificatie aanzetten",
    codesTitle: "Uw herstelcodes",
    codesIntro:
      "Bewaar deze codes op een veilige plek, bijvoorbeeld op papier. Bent u uw telefoon kwijt, dan logt u in met een van deze codes. Elke code werkt één keer. U ziet ze alleen nu.",
    continue: "Verder",
    enabledStatus: "Tweestapsverificatie staat aan sinds {date}.",
    codesLeft: "U heeft nog {count} herstelcodes.",
    codesLeft_one: "U heeft nog 1 herstelcode.",
    renewTitle: "Nieuwe herstelcodes maken",
    renewIntro: "Vul de code uit uw app in. De oude herstelcodes werken daarna niet meer.",
    renewButton: "Nieuwe herstelcodes maken",
    notNeeded:
      "Tweestapsverificatie is nodig voor medewerkers van de gemeente en het buurtplatform en voor beheerders. U doet mee zonder.",
    manageLink: "Authenticator-app en herstelcodes",
  },
  en: {
    verifyTitle: "Second step: code from your app",
    verifyIntro:
      "You work with residents' data. That is why we also ask for the code from your authenticator app after signing in.",
    totpCode: "6-digit code from your app",
    totpHint: "The code changes every 30 seconds.",
    confirmButton: "Confirm",
    useRecoveryCode: "Lost your phone? Use a recovery code",
    recoveryCode: "Recovery code",
    recoveryHint: "Ten characters, for example abcde-fgh23. Each recovery code works once.",
    recoveryButton: "Use recovery code",
    totpRequired: "Enter the code from your app.",
    totpFormat: "The code has 6 digits.",
    recoveryRequired: "Enter a recovery code.",
    recoveryFormat: "A recovery code has 10 letters and digits, like abcde-fgh23.",
    codeWrong:
      "This code is not right. Check that the time on your phone is correct and try the new code.",
    recoveryWrong: "This recovery code is not right or has been used.",
    rateLimited: "Too many attempts. Try again in {minutes} minutes.",
    demoHint: "Demo account: the code is now {code}.",
    skip: "Not now: continue as a resident",
    enrolTitle: "Two-step verification",
    enrolIntro:
      "Staff of the municipality and the neighbourhood platform and administrators sign in with their password and a code from an app on their phone. That way nobody else can reach residents' data with your account.",
    enrolStep1:
      "Install an authenticator app on your phone, for example FreeOTP, Microsoft Authenticator or Google Authenticator.",
    enrolStep2: "Scan this QR code with the app.",
    qrLabel: "QR code to add Buurtagenda to your authenticator app",
    keyLabel: "Cannot scan? Type this key into the app:",
    enrolStep3: "Enter the code the app shows now.",
    enrolButton: "Turn on two-step verification",
    codesTitle: "Your recovery codes",
    codesIntro:
      "Keep these codes somewhere safe, for example on paper. If you lose your phone, sign in with one of them. Each code works once. You only see them now.",
    continue: "Continue",
    enabledStatus: "Two-step verification is on since {date}.",
    codesLeft: "You have {count} recovery codes left.",
    codesLeft_one: "You have 1 recovery code left.",
    renewTitle: "Make new recovery codes",
    renewIntro: "Enter the code from your app. The old recovery codes stop working.",
    renewButton: "Make new recovery codes",
    notNeeded:
      "Two-step verification is needed for staff of the municipality and the neighbourhood platform and for administrators. You take part without it.",
    manageLink: "Authenticator app and recovery codes",
  },
});
