/** Tiny message formatting shared by every catalogue: "{name}" placeholders. */
import type { Language } from "../types";

export type Params = Record<string, string | number | null | undefined>;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
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
