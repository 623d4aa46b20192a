/** Every rule has a name in the findings sheet's two languages (a missing one would break the sheet). */
import { ruleName } from "../../src/app/reportSheets";
import { RULE_SEVERITY } from "../../src/core/analyze";
import type { RuleId } from "../../src/core/types";

const RULES = Object.keys(RULE_SEVERITY) as RuleId[];

describe("rule names in the findings sheet", () => {
  it.each(["zh-CN", "en-US"] as const)("names every rule in %s, none by its id", (language) => {
    for (const rule of RULES) {
      const name = ruleName(language, rule);
      expect(typeof name).toBe("string");
      expect(name.length).toBeGreaterThan(1);
      expect(name).not.toContain("rule.");
      expect(name).not.toBe(rule);
    }
  });

  it("names the rules of real plans' reading (carried units, deadlines from the task text)", () => {
    expect(ruleName("zh-CN", "unit.carried")).toBe("沿用上文统一说明的单位");
    expect(ruleName("en-US", "deadline.from-task")).toBe("Deadline read from the task text");
  });
});
