import { describe, expect, it } from "vitest";
import { ATTENTION_COLOURS, attentionClasses } from "./classes";

describe("attentionClasses", () => {
  it("splits ten values into five classes, the highest darkest when higher is worse", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const { classOf, legend } = attentionClasses(values, "higher_is_worse");
    expect(values.map((v) => classOf(v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(legend).toEqual([
      { from: 1, to: 2, colour: ATTENTION_COLOURS[0] },
      { from: 3, to: 4, colour: ATTENTION_COLOURS[1] },
      { from: 5, to: 6, colour: ATTENTION_COLOURS[2] },
      { from: 7, to: 8, colour: ATTENTION_COLOURS[3] },
      { from: 9, to: 10, colour: ATTENTION_COLOURS[4] },
    ]);
  });

  it("makes the lowest darkest when higher is better", () => {
    const { classOf } = attentionClasses([60, 70, 80, 90, 95], "higher_is_better");
    expect(classOf(60)).toBe(4);
    expect(classOf(95)).toBe(0);
  });

  it("keeps equal values together and uses fewer classes for few values", () => {
    const { classOf, legend } = attentionClasses([5, 5, 5, 8], "neutral");
    expect(classOf(5)).toBe(0);
    expect(classOf(8)).toBe(1);
    expect(legend.map((l) => l.colour)).toEqual([ATTENTION_COLOURS[0], ATTENTION_COLOURS[4]]);
    expect(attentionClasses([], "neutral").legend).toEqual([]);
  });
});
