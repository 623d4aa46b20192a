/**
 * Offline checks of the add-in manifest (the online validator, `npm run validate`, needs the internet).
 *
 * checkManifest(xmlText, context) returns a list of problems, each "code: message" (empty = fit). It checks
 * what the Office schema and our design require and what has broken add-ins before:
 * well-formed XML; required elements, in schema order; resid references defined, of the right kind, and
 * every defined resource used; string and resid lengths; https everywhere; icon files present at their
 * declared pixel size; every ExecuteFunction registered with Office.actions.associate in src/commands; one
 * shared-runtime URL for Runtime, FunctionFile and task pane (no TaskpaneId); zh-CN overrides; requirement
 * sets; and, for a production manifest, no localhost.
 */
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DEV_ORIGIN } from "../../scripts/manifest-origin";

export interface ManifestContext {
  /** Source text of the ribbon command modules (src/commands/*.ts), concatenated. */
  commandsSource: string;
  /** The folder the manifest's `<origin>assets/...` URLs are served from. */
  assetsDir: string;
  /** Origin every URL of this manifest starts with; default the dev origin https://localhost:3000/. */
  origin?: string;
  /** A production manifest must not mention localhost at all. */
  production?: boolean;
}

export const LIMITS = { shortString: 125, longString: 250, resid: 32, displayName: 125, description: 250 } as const;
/**
 * The floor: what the code uses unconditionally (ExcelApi 1.7: getRangeByIndexes, freezePanes, hyperlinks,
 * NamedItem.formula; test/manifest/requirements.test.ts) and the shared runtime. Newer APIs (RangeAreas and
 * the changed event 1.9, merged areas 1.13) are checked with isSetSupported.
 */
export const REQUIRED_SETS: Record<string, string> = { ExcelApi: "1.7", SharedRuntime: "1.1" };
export const OVERRIDE_LOCALE = "zh-CN";
/** Pixel sizes of the top-level icons for a task pane add-in (IconUrl, HighResolutionIconUrl). */
export const TOP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 } as const;

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Top-level elements of a TaskPaneApp, in the order the schema's sequence requires. */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
/** Which resource list an element's resid must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  Runtime: "Urls",
  FunctionFile: "Urls",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

// ---------------------------------------------------------------------------------------------------------
// DOM helpers (xmldom)

function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

function childElements(element: Element): Element[] {
  const result: Element[] = [];
  for (let i = 0; i < element.childNodes.length; i++) {
    const node = element.childNodes.item(i);
    if (isElement(node)) result.push(node);
  }
  return result;
}

function child(element: Element | null | undefined, localName: string): Element | null {
  return element ? (childElements(element).find((e) => e.localName === localName) ?? null) : null;
}

function descendants(element: Element, localName?: string): Element[] {
  const result: Element[] = [];
  const walk = (parent: Element) => {
    for (const e of childElements(parent)) {
      if (!localName || e.localName === localName) result.push(e);
      walk(e);
    }
  };
  walk(element);
  return result;
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, "type");
}

function text(element: Element | null): string {
  return (element?.textContent ?? "").trim();
}

function length(value: string): number {
  return [...value].length; // Code points: 核查 is 2, not 4 UTF-16 units... nor 6 bytes.
}

function versionAtLeast(actual: string, wanted: string): boolean {
  const a = actual.split(".").map(Number);
  const w = wanted.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, w.length); i++) {
    const x = a[i] ?? 0;
    const y = w[i] ?? 0;
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/** Width and height of a PNG file, or null if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Strip // and /* comments (not inside string literals), so commented-out registrations do not count. */
function withoutComments(source: string): string {
  return source.replace(
    /("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (whole, literal) => (literal ? whole : " "),
  );
}

/** Names registered with Office.actions.associate("name", handler) in the given source text. */
export function registeredFunctionNames(source: string): Set<string> {
  const names = new Set<string>();
  const pattern = /\bOffice\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`\\]+)\1\s*,/g;
  for (const match of withoutComments(source).matchAll(pattern)) names.add(match[2]);
  return names;
}

/** The text of every .ts file directly in `dir` (src/commands), concatenated; "" if the folder is missing. */
export function readCommandsSource(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), "utf8"))
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------------

export function parseManifest(xmlText: string) {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  });
  return parser.parseFromString(xmlText, "text/xml");
}

export function checkManifest(xmlText: string, context: ManifestContext): string[] {
  const problems: string[] = [];
  const report = (code: string, message: string) => problems.push(`${code}: ${message}`);
  const origin = context.origin ?? DEV_ORIGIN;

  if (context.production && /localhost|127\.0\.0\.1/i.test(xmlText)) {
    const lines = xmlText.split(/\r?\n/).flatMap((line, i) => (/localhost|127\.0\.0\.1/i.test(line) ? [i + 1] : []));
    report("production.localhost", `the production manifest mentions localhost (lines ${lines.join(", ")})`);
  }

  let root: Element | null;
  try {
    root = parseManifest(xmlText).documentElement;
  } catch (error) {
    report("xml.malformed", error instanceof Error ? error.message.split("\n")[0] : String(error));
    return problems;
  }
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    report("root.invalid", `the root element must be OfficeApp in ${NS.app}`);
    return problems;
  }
  if (xsiType(root) !== "TaskPaneApp")
    report("root.type", `OfficeApp xsi:type must be TaskPaneApp, not "${xsiType(root)}"`);

  // Required top-level elements, in schema order.
  const top = childElements(root);
  for (const name of REQUIRED_TOP_LEVEL) {
    if (!top.some((e) => e.localName === name)) report("required.missing", `<${name}> is missing`);
  }
  const positions = top.map((e) => TOP_LEVEL_ORDER.indexOf(e.localName ?? "")).filter((i) => i >= 0);
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] < positions[i - 1]) {
      report("order", `<${TOP_LEVEL_ORDER[positions[i]]}> must come before <${TOP_LEVEL_ORDER[positions[i - 1]]}>`);
    }
  }
  const topChild = (name: string) => child(root, name);

  const id = text(topChild("Id"));
  if (topChild("Id") && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    report("id.invalid", `<Id> must be a GUID, got "${id}"`);
  }
  const version = text(topChild("Version"));
  if (topChild("Version") && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    report("version.invalid", `<Version> "${version}"`);
  if (topChild("ProviderName") && !text(topChild("ProviderName"))) report("required.empty", "<ProviderName> is empty");
  const defaultLocale = text(topChild("DefaultLocale"));
  if (topChild("DefaultLocale") && !/^[a-z]{2,3}-[A-Z]{2}$/.test(defaultLocale)) {
    report("locale.invalid", `<DefaultLocale> must look like en-US, got "${defaultLocale}"`);
  }
  const permissions = text(topChild("Permissions"));
  if (topChild("Permissions") && permissions !== "ReadWriteDocument") {
    report("permissions", `<Permissions> must be ReadWriteDocument (we write report sheets), got "${permissions}"`);
  }

  // Localised top-level texts.
  for (const [name, limit] of [
    ["DisplayName", LIMITS.displayName],
    ["Description", LIMITS.description],
  ] as const) {
    const element = topChild(name);
    if (!element) continue;
    const values = [element.getAttribute("DefaultValue") ?? ""];
    const override = childElements(element).find(
      (e) => e.localName === "Override" && e.getAttribute("Locale") === OVERRIDE_LOCALE,
    );
    if (!override || !override.getAttribute("Value"))
      report("locale.missing", `<${name}> has no ${OVERRIDE_LOCALE} override`);
    else values.push(override.getAttribute("Value") ?? "");
    if (!values[0]) report("required.empty", `<${name}> DefaultValue is empty`);
    for (const value of values) {
      if (length(value) > limit)
        report("string.too-long", `<${name}> "${value.slice(0, 30)}…" is ${length(value)} characters (max ${limit})`);
    }
  }

  // Every URL-valued setting: https, absolute.
  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const element = topChild(name);
    if (element) urls.push({ where: `<${name}>`, url: element.getAttribute("DefaultValue") ?? "" });
  }
  const sourceLocation = child(topChild("DefaultSettings"), "SourceLocation");
  if (topChild("DefaultSettings") && !sourceLocation)
    report("required.missing", "<DefaultSettings><SourceLocation> is missing");
  if (sourceLocation)
    urls.push({ where: "<DefaultSettings><SourceLocation>", url: sourceLocation.getAttribute("DefaultValue") ?? "" });
  const appDomains = topChild("AppDomains");
  for (const appDomain of appDomains ? descendants(appDomains, "AppDomain") : []) {
    urls.push({ where: "<AppDomain>", url: text(appDomain) });
  }
  for (const override of descendants(root, "Override")) {
    const parent = override.parentNode;
    if (
      isElement(parent) &&
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"].includes(
        parent.localName ?? "",
      )
    ) {
      urls.push({
        where: `<${parent.localName}> ${override.getAttribute("Locale")} override`,
        url: override.getAttribute("Value") ?? "",
      });
    }
  }

  // Requirements.
  const sets = new Map<string, string>();
  const requirements = topChild("Requirements");
  for (const set of requirements ? descendants(requirements, "Set") : []) {
    sets.set(set.getAttribute("Name") ?? "", set.getAttribute("MinVersion") ?? "");
  }
  for (const [name, minimum] of Object.entries(REQUIRED_SETS)) {
    const declared = sets.get(name);
    if (declared === undefined)
      report("requirements.missing", `<Requirements> must declare the ${name} ${minimum} set`);
    else if (!versionAtLeast(declared, minimum))
      report("requirements.version", `${name} MinVersion ${declared} is below ${minimum}`);
  }
  const topHosts = topChild("Hosts");
  const hostNames = topHosts ? descendants(topHosts, "Host").map((h) => h.getAttribute("Name")) : [];
  if (topHosts && !hostNames.includes("Workbook")) report("hosts", `<Hosts> must contain <Host Name="Workbook"/>`);

  // ---- VersionOverrides -------------------------------------------------------------------------------
  const overrides = topChild("VersionOverrides");
  if (!overrides) return finish();
  if (overrides.namespaceURI !== NS.ov || xsiType(overrides) !== "VersionOverridesV1_0") {
    report("overrides.type", `<VersionOverrides> must be xsi:type VersionOverridesV1_0 in ${NS.ov}`);
  }

  // Resources: id -> kind, element.
  const resources = child(overrides, "Resources");
  const defined = new Map<string, { kind: ResourceKind; element: Element }>();
  if (!resources) report("required.missing", "<VersionOverrides><Resources> is missing");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    const list = child(resources, kind);
    for (const element of list ? childElements(list) : []) {
      const resourceId = element.getAttribute("id") ?? "";
      if (defined.has(resourceId)) report("resid.duplicate", `resource id "${resourceId}" is defined twice`);
      defined.set(resourceId, { kind, element });
      if (length(resourceId) > LIMITS.resid)
        report(
          "resid.too-long",
          `resource id "${resourceId}" is ${length(resourceId)} characters (max ${LIMITS.resid})`,
        );
      const defaultValue = element.getAttribute("DefaultValue") ?? "";
      if (!defaultValue) report("required.empty", `resource "${resourceId}" has no DefaultValue`);
      if (kind === "Images" || kind === "Urls") urls.push({ where: `resource "${resourceId}"`, url: defaultValue });
      if (kind === "ShortStrings" || kind === "LongStrings") {
        const limit = kind === "ShortStrings" ? LIMITS.shortString : LIMITS.longString;
        const localized = childElements(element).filter((e) => e.localName === "Override");
        for (const value of [defaultValue, ...localized.map((e) => e.getAttribute("Value") ?? "")]) {
          if (length(value) > limit)
            report(
              "string.too-long",
              `${kind} "${resourceId}" has a value of ${length(value)} characters (max ${limit})`,
            );
        }
        if (!localized.some((e) => e.getAttribute("Locale") === OVERRIDE_LOCALE && e.getAttribute("Value"))) {
          report("locale.missing", `${kind} "${resourceId}" has no ${OVERRIDE_LOCALE} override`);
        }
      }
    }
  }

  // References: every resid defined, of the right kind; every defined resource used.
  const used = new Set<string>();
  for (const element of descendants(overrides)) {
    if (!element.hasAttribute("resid")) continue;
    const resid = element.getAttribute("resid") ?? "";
    used.add(resid);
    if (length(resid) > LIMITS.resid)
      report(
        "resid.too-long",
        `resid "${resid}" on <${element.localName}> is ${length(resid)} characters (max ${LIMITS.resid})`,
      );
    const target = defined.get(resid);
    if (!target) {
      report("resid.undefined", `<${element.localName} resid="${resid}"> refers to no resource`);
      continue;
    }
    const wanted = RESID_KIND[element.localName ?? ""];
    if (wanted && target.kind !== wanted)
      report("resid.kind", `<${element.localName} resid="${resid}"> must refer to ${wanted}, not ${target.kind}`);
  }
  for (const resourceId of defined.keys()) {
    if (!used.has(resourceId)) report("resid.unused", `resource "${resourceId}" is defined but never used`);
  }

  // Hosts and the shared runtime: one URL for Runtime, FunctionFile and every task pane.
  const hosts = descendants(overrides, "Host");
  if (!hosts.some((h) => xsiType(h) === "Workbook"))
    report("overrides.host", `<VersionOverrides> has no Host of xsi:type Workbook`);
  for (const host of hosts) {
    const runtimes = descendants(host, "Runtime");
    if (runtimes.length !== 1) {
      report("runtime.missing", `the host needs exactly one <Runtime> (shared runtime), found ${runtimes.length}`);
      continue;
    }
    const runtime = runtimes[0];
    const runtimeResid = runtime.getAttribute("resid") ?? "";
    if (runtime.getAttribute("lifetime") !== "long") report("runtime.lifetime", `<Runtime> must have lifetime="long"`);
    const functionFiles = descendants(host, "FunctionFile");
    if (functionFiles.length === 0) report("runtime.function-file", "<FunctionFile> is missing");
    for (const functionFile of functionFiles) {
      const resid = functionFile.getAttribute("resid");
      if (resid !== runtimeResid)
        report("runtime.mismatch", `<FunctionFile resid="${resid}"> differs from <Runtime resid="${runtimeResid}">`);
    }
    for (const action of descendants(host, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
      const resid = child(action, "SourceLocation")?.getAttribute("resid") ?? null;
      if (resid !== runtimeResid)
        report(
          "runtime.mismatch",
          `the ShowTaskpane <SourceLocation resid="${resid}"> differs from <Runtime resid="${runtimeResid}">`,
        );
    }
    const runtimeUrl = defined.get(runtimeResid)?.element.getAttribute("DefaultValue");
    const paneUrl = sourceLocation?.getAttribute("DefaultValue");
    if (runtimeUrl && paneUrl && runtimeUrl !== paneUrl) {
      report(
        "runtime.url-mismatch",
        `<DefaultSettings><SourceLocation> ${paneUrl} differs from the runtime URL ${runtimeUrl}`,
      );
    }
  }
  for (const taskpaneId of descendants(overrides, "TaskpaneId")) {
    report(
      "runtime.taskpane-id",
      `<TaskpaneId>${text(taskpaneId)}</TaskpaneId> must go: with a shared runtime the task pane is found by its URL`,
    );
  }

  // Ribbon controls: plain buttons, one function each, each registered in src/commands.
  const registered = registeredFunctionNames(context.commandsSource);
  const seen = new Map<string, string>();
  for (const control of descendants(overrides, "Control")) {
    const controlId = control.getAttribute("id") ?? "?";
    if (xsiType(control) === "Menu")
      report(
        "control.menu",
        `control "${controlId}" is a Menu: use plain buttons (menus with ExecuteFunction fail on the web)`,
      );
    for (const action of descendants(control, "Action").filter((a) => xsiType(a) === "ExecuteFunction")) {
      const name = text(child(action, "FunctionName"));
      if (!name) {
        report("function.missing", `control "${controlId}" has an ExecuteFunction action without <FunctionName>`);
        continue;
      }
      if (seen.has(name))
        report(
          "function.shared",
          `controls "${seen.get(name)}" and "${controlId}" share the function ${name}: give each button its own`,
        );
      seen.set(name, controlId);
      if (!registered.has(name))
        report(
          "function.unregistered",
          `${name} (control "${controlId}") is not registered with Office.actions.associate("${name}", ...) in src/commands`,
        );
    }
  }

  // Icons: which pixel size each image resource must have.
  const imageSizes = new Map<string, number>();
  for (const image of descendants(overrides, "Image").filter(
    (e) => e.namespaceURI === NS.bt && e.hasAttribute("size"),
  )) {
    const resid = image.getAttribute("resid") ?? "";
    const size = Number(image.getAttribute("size"));
    const previous = imageSizes.get(resid);
    if (previous !== undefined && previous !== size)
      report("icon.size", `image "${resid}" is used at ${previous} and ${size} px`);
    imageSizes.set(resid, size);
  }
  const iconChecks: { where: string; url: string; size: number | null }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl"] as const) {
    const url = topChild(name)?.getAttribute("DefaultValue");
    if (url) iconChecks.push({ where: `<${name}>`, url, size: TOP_ICON_SIZES[name] });
  }
  for (const [resourceId, { kind, element }] of defined) {
    if (kind === "Images")
      iconChecks.push({
        where: `image "${resourceId}"`,
        url: element.getAttribute("DefaultValue") ?? "",
        size: imageSizes.get(resourceId) ?? null,
      });
  }
  for (const { where, url, size } of iconChecks) checkIcon(where, url, size);

  return finish();

  function checkIcon(where: string, url: string, size: number | null) {
    const base = `${origin}assets/`;
    if (!url.startsWith(base)) {
      report("icon.location", `${where} ${url} is not served from ${base}`);
      return;
    }
    const file = path.join(context.assetsDir, ...decodeURIComponent(url.slice(base.length)).split("/"));
    if (!existsSync(file)) {
      report("icon.missing", `${where} ${url}: no file ${path.relative(process.cwd(), file)}`);
      return;
    }
    const dimensions = pngSize(readFileSync(file));
    if (!dimensions) report("icon.format", `${where} ${url} is not a PNG`);
    else if (size !== null && (dimensions.width !== size || dimensions.height !== size)) {
      report("icon.size", `${where} ${url} is ${dimensions.width}x${dimensions.height} px, expected ${size}x${size}`);
    }
  }

  function finish(): string[] {
    for (const { where, url } of urls) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        report("url.invalid", `${where} "${url}" is not an absolute URL`);
        continue;
      }
      if (parsed.protocol !== "https:") report("url.not-https", `${where} ${url} must use https`);
    }
    return problems;
  }
}
