/** Paths and inputs shared by the manifest tests. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
export const ASSETS_DIR = path.join(ROOT, "assets");
export const COMMANDS_DIR = path.join(ROOT, "src", "commands");

export function readManifest(): string {
  return readFileSync(MANIFEST_PATH, "utf8");
}

/** The ExecuteFunction names the manifest declares, read with a plain pattern (independent of checkManifest). */
export function declaredFunctionNames(xml: string): string[] {
  return [...xml.matchAll(/<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g)].map((m) => m[1]);
}

/** A commands module registering exactly `names`, the way src/commands does. */
export function commandsSourceRegistering(names: string[]): string {
  return names.map((name) => `Office.actions.associate("${name}", handlers.${name});`).join("\n");
}
