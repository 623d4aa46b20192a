// The Office path in a browser: office.js from the npm package, followed by the Excel double (esbuild bundle).
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** office.js + the double + its installation, as one script answering the CDN's office.js URL. */
export async function officeWithDouble({ root, officeScript, workbookFile, displayLanguage }) {
  const bundle = await build({
    entryPoints: [path.join(root, "test", "e2e", "officeDouble.entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "FengongE2E",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
    // The double measures request bytes with Node's Buffer.byteLength; in the page, TextEncoder does it.
    banner: { js: "var Buffer = { byteLength: (text) => new TextEncoder().encode(String(text)).length };" },
  });
  const double = bundle.outputFiles[0].text;
  const officeJs = await officeScript("office.js");
  if (officeJs === null) throw new Error("office.js not found in node_modules/@microsoft/office-js/dist");
  const workbook = (await readFile(workbookFile)).toString("base64");
  const install = `FengongE2E.install(${JSON.stringify({ workbook, displayLanguage })});`;
  return async (relative) =>
    relative === "office.js" ? `${officeJs}\n;${double}\n;${install}\n` : officeScript(relative);
}
