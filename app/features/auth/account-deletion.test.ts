import { describe, expect, it } from "vitest";
import { rolesBlockingSelfDeletion } from "./account-deletion";

describe("rolesBlockingSelfDeletion", () => {
  it("lets residents go, with or without a resident assignment", () => {
    expect(rolesBlockingSelfDeletion([])).toEqual([]);
    expect(rolesBlockingSelfDeletion([{ role: "bewoner" }, { role: "bewoner" }])).toEqual([]);
  });

  it("names every other role once", () => {
    for (const role of ["buurtplatform", "gemeente", "partner", "adviesraad", "beheerder"] as const)
      expect(rolesBlockingSelfDeletion([{ role: "bewoner" }, { role }])).toEqual([role]);
    expect(
      rolesBlockingSelfDeletion([{ role: "partner" }, { role: "partner" }, { role: "gemeente" }]),
    ).toEqual(["partner", "gemeente"]);
  });
});
