import { describe, expect, it } from "vitest";
import { defineMessages, localeFromCookieHeader, translate } from "./i18n";

const messages = defineMessages({
  nl: { greeting: "Hallo {name}", plain: "Welkom" },
  en: { greeting: "Hello {name}", plain: "Welcome" },
});

describe("i18n", () => {
  it("reads the language from the cookie and falls back to Dutch", () => {
    expect(localeFromCookieHeader("a=1; taal=en; b=2")).toBe("en");
    expect(localeFromCookieHeader("taal=fr")).toBe("nl");
    expect(localeFromCookieHeader(null)).toBe("nl");
  });

  it("fills in named values", () => {
    expect(translate(messages, "nl", "greeting", { name: "Fatima" })).toBe("Hallo Fatima");
    expect(translate(messages, "en", "plain")).toBe("Welcome");
  });
});
