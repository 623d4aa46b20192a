/** Tiny message formatting shared by every catalogue: "{name}" placeholders. */
import type { Language } from "../types";

export type Params = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;
/** Templates cut at their placeholders: [text, key, text, key, …, text]. Catalogue templates are a few hundred. */
const compiled = new Map<string, string[]>();
const MAX_COMPILED = 1_000;

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (parts !== undefined) return parts;
  parts = [];
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACEHOLDER.exec(template)) !== null) {
    parts.push(template.slice(last, m.index), m[1]);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  if (compiled.size < MAX_COMPILED) compiled.set(template, parts);
  return parts;
}

/** Every "{name}" whose value is given is replaced by it; the others stay as written. */
export function format(template: string, params: Params = {}): string {
  return formatWith(template, (name) => params[name]);
}

/**
 * format with the values given by a function, asked once per placeholder the template holds (a big plan renders
 * tens of thousands of messages: no object of values is built for each).
 */
export function formatWith(template: string, value: (name: string) => string | number | null | undefined): string {
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const given = value(parts[i]);
    out += (given === undefined || given === null ? `{${parts[i]}}` : String(given)) + parts[i + 1];
  }
  return out;
}

/** A catalogue pair: en-US must have exactly the keys of zh-CN (checked by the type). */
export type Catalogue<K extends string> = Record<K, string>;

export function translator<K extends string>(catalogues: Record<Language, Catalogue<K>>) {
  return (language: Language, key: K, params?: Params): string => format(catalogues[language][key], params);
}

/** Normalise an Office / browser / POSIX language tag: zh-CN, zh-cn, zh-Hans-CN, zh, zh_CN.UTF-8 -> zh-CN;
 * anything else en-US. */
export function normalizeLanguage(tag: string | null | undefined): Language {
  return typeof tag === "string" && /^zh(?:$|[-_.@])/i.test(tag.trim()) ? "zh-CN" : "en-US";
}
