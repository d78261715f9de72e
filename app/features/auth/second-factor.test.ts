import { describe, expect, it } from "vitest";
import type { Assignment } from "./permissions";
import {
  assignmentsInForce,
  formatKeyForTyping,
  formatRecoveryCode,
  needsSecondFactor,
  normaliseRecoveryCode,
  normaliseTotpCode,
} from "./second-factor";

const gemeente: Assignment = { role: "gemeente", scopeType: "gemeente", scopeId: "GM0397" };
const partner: Assignment = { role: "partner", scopeType: "buurtagenda", scopeId: "a" };
const beheerder: Assignment = { role: "beheerder", scopeType: "national", scopeId: "NL" };
const council: Assignment = { role: "adviesraad", scopeType: "gemeente", scopeId: "GM0397" };

describe("second factor for staff", () => {
  it("is needed by staff, moderators and administrators, not by partners or the council", () => {
    expect(needsSecondFactor([gemeente])).toBe(true);
    expect(needsSecondFactor([beheerder])).toBe(true);
    expect(needsSecondFactor([{ ...gemeente, role: "buurtplatform" }])).toBe(true);
    expect(needsSecondFactor([partner, council])).toBe(false);
    expect(needsSecondFactor([])).toBe(false);
  });

  it("withholds only the staff roles until the second factor is passed", () => {
    expect(assignmentsInForce([gemeente, partner], false)).toEqual({
      inForce: [partner],
      withheld: [gemeente],
    });
    expect(assignmentsInForce([gemeente, partner], true)).toEqual({
      inForce: [gemeente, partner],
      withheld: [],
    });
  });

  it("reads codes as people type them", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("123-456")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeNull();
    expect(normaliseTotpCode("12345a")).toBeNull();
    expect(normaliseRecoveryCode("ABCDE-fghij")).toBe("abcdefghij");
    expect(normaliseRecoveryCode("abcde-fgh10")).toBeNull(); // 0, 1, 8 and 9 are not base32
    expect(normaliseRecoveryCode("abcde-fg234")).toBe("abcdefg234");
    expect(normaliseRecoveryCode("abcde fg23")).toBeNull();
    expect(formatRecoveryCode("abcdefg234")).toBe("abcde-fg234");
    expect(formatKeyForTyping("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
  });
});
