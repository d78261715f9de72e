import { describe, expect, it } from "vitest";
import { oncePerRequest, withRequestScope } from "./request-scope.server";

const KEY = Symbol("test");
// React Router gives each loader its own Request for the same HTTP request.
const copies = (method: string) =>
  [1, 2].map(() => new Request("http://localhost/gemeente/GM0397", { method }));

function counter() {
  let made = 0;
  return { make: () => ++made, made: () => made };
}

describe("oncePerRequest", () => {
  it("makes a value once for all loaders of one GET request, and anew for the next request", () => {
    const { make, made } = counter();
    const [a, b] = copies("GET");
    withRequestScope(() => {
      expect(oncePerRequest(a!, KEY, make)).toBe(1);
      expect(oncePerRequest(b!, KEY, make)).toBe(1);
    });
    withRequestScope(() => expect(oncePerRequest(a!, KEY, make)).toBe(2));
    expect(made()).toBe(2);
  });

  it("does not share across the loaders after an action: they must see what it changed", () => {
    const { make } = counter();
    const [action, loader] = copies("POST");
    withRequestScope(() => {
      expect(oncePerRequest(action!, KEY, make)).toBe(1);
      expect(oncePerRequest(loader!, KEY, make)).toBe(2);
      expect(oncePerRequest(loader!, KEY, make)).toBe(2);
    });
  });

  it("keys by the Request itself outside a scope, and keeps keys apart", () => {
    const { make } = counter();
    const [a, b] = copies("GET");
    expect(oncePerRequest(a!, KEY, make)).toBe(1);
    expect(oncePerRequest(a!, KEY, make)).toBe(1);
    expect(oncePerRequest(b!, KEY, make)).toBe(2);
    expect(oncePerRequest(a!, Symbol("other"), make)).toBe(3);
  });
});
