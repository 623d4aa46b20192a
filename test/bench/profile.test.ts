/** Summarising a CPU profile: self and inclusive shares, the `within` filter, garbage collection, source maps. */
import { decodeMappings, summarizeProfile, type CpuProfile } from "../../bench/profile";

const frame = (functionName: string) => ({ functionName, url: "", lineNumber: 0, columnNumber: 0 });

// root -> main -> analyze -> parse ; root -> (garbage collector) ; root -> main -> other
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 5] },
    { id: 2, callFrame: frame("main"), children: [3, 6] },
    { id: 3, callFrame: frame("analyze"), children: [4] },
    { id: 4, callFrame: frame("parse") },
    { id: 5, callFrame: frame("(garbage collector)") },
    { id: 6, callFrame: frame("other") },
  ],
  samples: [4, 4, 4, 3, 5, 5, 6, 6, 6, 6],
};

describe("summarizeProfile", () => {
  it("ranks self and inclusive time over all samples", () => {
    const summary = summarizeProfile(profile, { top: 3 });
    expect(summary.samples).toBe(10);
    expect(summary.self.map((l) => [l.name, l.share])).toEqual([
      ["other", 0.4],
      ["parse", 0.3],
      ["(garbage collector)", 0.2],
    ]);
    expect(summary.inclusive[0]).toEqual({ name: "(root)", share: 1 });
    expect(summary.garbageCollector).toBeCloseTo(0.2);
  });

  it("counts only the samples under a function with `within`", () => {
    const summary = summarizeProfile(profile, { within: "analyze" });
    expect(summary.samples).toBe(4);
    expect(summary.self.map((l) => [l.name, l.share])).toEqual([
      ["parse", 0.75],
      ["analyze", 0.25],
    ]);
  });
});

describe("decodeMappings", () => {
  it("decodes relative VLQ segments into generated column, source and original line", () => {
    // Line 0: column 0 -> source 0 line 0; column 4 -> line 1. Line 1: column 2 -> source 1 line 3.
    expect(decodeMappings("AAAA,IACA;ECEA")).toEqual([
      [
        [0, 0, 0],
        [4, 0, 1],
      ],
      [[2, 1, 3]],
    ]);
  });
});
