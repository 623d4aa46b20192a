/**
 * Summarise a V8 .cpuprofile (node --cpu-prof): the functions with the most self time and the most inclusive
 * time, each with its share of the samples. Functions of a bundle with a source map next to it (FILE.js.map,
 * as esbuild --sourcemap writes) are named by their original file and line.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas?: number[];
}

export interface ProfileLine {
  name: string;
  /** 0..1 of all samples (or of the samples inside `within`). */
  share: number;
}

export interface ProfileSummary {
  /** Samples counted (inside `within`, if given). */
  samples: number;
  /** Share of all samples spent collecting garbage (V8 books it outside any function). */
  garbageCollector: number;
  self: ProfileLine[];
  inclusive: ProfileLine[];
}

export interface SummaryOptions {
  top?: number;
  /** Count only samples with this function on the stack (e.g. "analyze"), and take shares of those. */
  within?: string | null;
  /** Base folder for file names (default: the current folder). */
  root?: string;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A segment of a decoded source map: generated column, source index, original line (0-based). */
export type MapSegment = [number, number, number];

/** Decode the `mappings` of a source map (v3) into, per generated line, its segments. */
export function decodeMappings(mappings: string): MapSegment[][] {
  const lines: MapSegment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const text of mappings.split(";")) {
    const segments: MapSegment[] = [];
    let column = 0;
    for (const segment of text.split(",")) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        sourceLine += fields[2];
        sourceColumn += fields[3];
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  void sourceColumn;
  return lines;
}

interface LoadedMap {
  lines: MapSegment[][];
  sources: string[];
}

/** Original "file:line" of a generated position, through the source map next to the script (if any). */
function sourceMapper(root: string): (url: string, line: number, column: number) => string | null {
  const maps = new Map<string, LoadedMap | null>();
  const load = (url: string): LoadedMap | null => {
    const known = maps.get(url);
    if (known !== undefined) return known;
    let entry: LoadedMap | null = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      const mapFile = `${file}.map`;
      if (file && existsSync(mapFile)) {
        const map = JSON.parse(readFileSync(mapFile, "utf8")) as {
          mappings: string;
          sources: string[];
          sourceRoot?: string;
        };
        const base = resolve(dirname(mapFile), map.sourceRoot ?? "");
        entry = {
          lines: decodeMappings(map.mappings),
          sources: map.sources.map((s) => relative(root, resolve(base, s))),
        };
      }
    } catch {
      entry = null;
    }
    maps.set(url, entry);
    return entry;
  };
  return (url, line, column) => {
    const entry = url ? load(url) : null;
    if (!entry) return null;
    const segments = entry.lines[line] ?? [];
    let found: MapSegment | undefined;
    for (const segment of segments) {
      if (segment[0] <= column) found = segment;
      else break;
    }
    found ??= segments[0];
    return found ? `${entry.sources[found[1]]}:${found[2] + 1}` : null;
  };
}

export function summarizeProfile(profile: CpuProfile, options: SummaryOptions = {}): ProfileSummary {
  const top = options.top ?? 25;
  const root = options.root ?? process.cwd();
  const mapped = sourceMapper(root);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const labels = new Map<number, string>();
  const label = (node: CpuProfileNode): string => {
    const known = labels.get(node.id);
    if (known !== undefined) return known;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const original = mapped(url, lineNumber, columnNumber);
    const file = (url || "").replace(/^file:\/\//, "").replace(/^.*\/(src|bench|node_modules)\//, "$1/");
    const where = original ?? (file ? `${file}:${lineNumber + 1}` : "");
    const text = `${functionName || "(anonymous)"} ${where}`.trim();
    labels.set(node.id, text);
    return text;
  };
  const stack = (id: number): CpuProfileNode[] => {
    const out: CpuProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at);
      if (node) out.push(node);
    }
    return out;
  };

  const ticksById = new Map<number, number>();
  for (const id of profile.samples) ticksById.set(id, (ticksById.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let counted = 0;
  for (const [id, ticks] of ticksById) {
    const frames = stack(id);
    if (options.within && !frames.some((node) => node.callFrame.functionName === options.within)) continue;
    counted += ticks;
    const own = label(frames[0]);
    self.set(own, (self.get(own) ?? 0) + ticks);
    const seen = new Set<string>();
    for (const node of frames) {
      const name = label(node);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ticks);
    }
  }
  const total = counted || 1;
  let gcTicks = 0;
  for (const [id, ticks] of ticksById)
    if (nodes.get(id)?.callFrame.functionName === "(garbage collector)") gcTicks += ticks;
  const rank = (map: Map<string, number>): ProfileLine[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ticks]) => ({ name, share: ticks / total }));
  return {
    samples: counted,
    garbageCollector: profile.samples.length > 0 ? gcTicks / profile.samples.length : 0,
    self: rank(self),
    inclusive: rank(inclusive),
  };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
}

/** A RegExp function name can be a whole pattern: keep lines readable. */
export function shortName(name: string, max = 110): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
