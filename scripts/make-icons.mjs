// Renders the icon drawings in assets/svg/*.svg to the PNGs the manifest points at (assets/*.png).
// The PNGs are committed: builds and CI never need this script. Run it after changing a drawing:
//   node scripts/make-icons.mjs            (Chromium at /usr/bin/chromium, or CHROMIUM=/path/to/chrome)
//   node scripts/make-icons.mjs --preview /tmp/icons.png   (also writes a contact sheet to look at)
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const svgDir = path.join(root, "assets", "svg");
const outDir = path.join(root, "assets");

/** The app icon also needs 128 px (store listings); ribbon buttons use 16/32/64/80 (16, 32, 80 are mandatory). */
const BUTTON_SIZES = [16, 32, 64, 80];
const APP_SIZES = [16, 32, 64, 80, 128];

/** app.svg becomes icon-N.png (the name Office templates use); every other drawing keeps its name. */
function pngName(drawing, size) {
  return `${drawing === "app" ? "icon" : drawing}-${size}.png`;
}

function pageFor(svg, size) {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return `<!doctype html><html><body style="margin:0;background:transparent">
<img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`;
}

async function main() {
  const previewIndex = process.argv.indexOf("--preview");
  const previewPath = previewIndex > 0 ? process.argv[previewIndex + 1] : null;
  const drawings = (await readdir(svgDir)).filter((f) => f.endsWith(".svg")).map((f) => f.slice(0, -4));
  if (drawings.length === 0) throw new Error(`no drawings in ${svgDir}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const written = [];
    for (const drawing of drawings.sort()) {
      const svg = await readFile(path.join(svgDir, `${drawing}.svg`), "utf8");
      for (const size of drawing === "app" ? APP_SIZES : BUTTON_SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(pageFor(svg, size));
        await page.waitForFunction(() => document.images[0]?.complete);
        const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        const file = path.join(outDir, pngName(drawing, size));
        await writeFile(file, png);
        written.push(`${path.relative(root, file)} (${png.length} B)`);
      }
    }
    console.log(`make-icons: wrote\n  ${written.join("\n  ")}`);

    if (previewPath) {
      // Every PNG at its size, and magnified 4x without smoothing, on white and on the dark ribbon colour.
      const rows = [];
      for (const drawing of drawings) {
        const cells = [];
        for (const size of drawing === "app" ? APP_SIZES : BUTTON_SIZES) {
          const data = (await readFile(path.join(outDir, pngName(drawing, size)))).toString("base64");
          const src = `data:image/png;base64,${data}`;
          cells.push(`<img src="${src}" width="${size}">`);
          if (size <= 32) cells.push(`<img src="${src}" width="${size * 4}" style="image-rendering:pixelated">`);
        }
        rows.push(`<div class="row">${cells.join("")}</div>`);
      }
      const html = `<!doctype html><html><head><style>
body{margin:0;font:12px sans-serif} .sheet{display:flex} .bg{padding:8px}
.row{display:flex;gap:10px;align-items:center;margin:6px 0}</style></head><body><div class="sheet">
<div class="bg" style="background:#fff">${rows.join("")}</div>
<div class="bg" style="background:#292929">${rows.join("")}</div></div></body></html>`;
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.setContent(html);
      await page.screenshot({ path: previewPath, fullPage: true });
      console.log(`make-icons: preview ${previewPath}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`make-icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
