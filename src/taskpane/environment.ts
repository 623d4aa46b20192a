/** Language and theme of the pane: from Office when it runs in Office, else from the browser. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { normalizeLanguage } from "../core/i18n/format";
import type { Language } from "../core/types";

/** Office's display language first, then the browser's; zh-CN when neither says anything. */
export function detectLanguage(officeLanguage?: string | null, browserLanguage?: string | null): Language {
  const tag = [officeLanguage, browserLanguage].find((value) => typeof value === "string" && value.trim() !== "");
  return tag ? normalizeLanguage(tag) : "zh-CN";
}

/** Relative luminance 0..1 of "#RRGGBB" (or "#RGB"); null when it is not such a colour. */
export function luminance(colour: string | null | undefined): number | null {
  if (typeof colour !== "string") return null;
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((ch) => ch + ch).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Fluent theme for Office's theme (a dark body background gives the dark theme); light otherwise. */
export function themeFor(officeTheme?: { bodyBackgroundColor?: string } | null): Theme {
  const light = luminance(officeTheme?.bodyBackgroundColor);
  return light !== null && light < 0.5 ? webDarkTheme : webLightTheme;
}
