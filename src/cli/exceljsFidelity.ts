/**
 * exceljs 4.4 damages users' conditional formats when it rewrites a workbook:
 * - rule types it does not model (duplicateValues, uniqueValues, beginsWith, endsWith, notContainsText,
 *   containsBlanks …) are written as an empty <conditionalFormatting/> (the rule is lost, and Excel
 *   may call the file damaged);
 * - containsText rules lose their operator and text attributes (LibreOffice then never applies them);
 * - every rule loses stopIfTrue;
 * and drops workbook names that are not plain cell ranges (formulas, constants) or are scoped to a sheet.
 * keepConditionalFormatsOnRewrite keeps each parsed rule's XML attributes and writes them back as they
 * were (with the dxfId and priority of the rewrite), for every rule type whose only children are
 * formulas; data bars, colour scales and icon sets stay with exceljs, which models them.
 * keepWorkbookNamesOnRewrite passes such names through unchanged.
 *
 * Node only: the browser build uses exceljs' prebuilt bundle, whose internals cannot be reached; there
 * src/xlsx/portableRules.ts rewrites such rules as equivalent expression rules instead (see docs/cli.md).
 */

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  closeNode(): void;
}

interface RuleModel {
  type?: string;
  dxfId?: number;
  priority?: number;
  formulae?: unknown[];
}

interface CfRuleXformInstance {
  tag: string;
  formulaXform: { render(xmlStream: XmlStream, formula: unknown): void };
}

interface CfRuleXformPrototype {
  createNewModel(node: { attributes: Record<string, string> }): RuleModel;
  render(this: CfRuleXformInstance, xmlStream: XmlStream, model: RuleModel): void;
}

/** The attributes a rule was read with (not enumerable: invisible to JSON and to comparisons). */
const XML_ATTRIBUTES = Symbol("fengong.cfRule.xmlAttributes");
const MODELLED_WITH_CHILDREN = new Set(["dataBar", "colorScale", "iconSet"]);
const PATCHED = Symbol.for("fengong.exceljs.cfRulePassthrough");

type Tagged = RuleModel & { [XML_ATTRIBUTES]?: Record<string, string> };

export function keepConditionalFormatsOnRewrite(): void {
  // exceljs is external to the CLI bundle, so this is the very module instance exceljs itself uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CfRuleXform = require("exceljs/lib/xlsx/xform/sheet/cf/cf-rule-xform") as { prototype: CfRuleXformPrototype };
  const proto = CfRuleXform.prototype as CfRuleXformPrototype & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  const createNewModel = proto.createNewModel;
  const render = proto.render;

  proto.createNewModel = function (node) {
    const model: Tagged = createNewModel.call(this, node);
    Object.defineProperty(model, XML_ATTRIBUTES, { value: { ...node.attributes }, enumerable: false });
    return model;
  };

  proto.render = function (xmlStream, model) {
    const attributes = (model as Tagged)[XML_ATTRIBUTES];
    if (!attributes || MODELLED_WITH_CHILDREN.has(attributes.type)) {
      render.call(this, xmlStream, model);
      return;
    }
    xmlStream.openNode(this.tag, { ...attributes, dxfId: model.dxfId, priority: model.priority });
    for (const formula of model.formulae ?? []) this.formulaXform.render(xmlStream, formula);
    xmlStream.closeNode();
  };
  Object.defineProperty(proto, PATCHED, { value: true });
}

interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** Marks a name exceljs cannot model, carried through unchanged. */
const RAW_NAME = Symbol("fengong.definedName.raw");
const NAMES_PATCHED = Symbol.for("fengong.exceljs.definedNamesPassthrough");
const PASSTHROUGH = Symbol("fengong.definedNames.passthrough");

type RawName = NameModel & { [RAW_NAME]?: true };

/** What exceljs can hold as a name: Sheet!$A$1 or Sheet!$A$1:$B$2 (sheet quoted or not). */
const CELL_RANGE = /^('(?:[^']|'')+'|[^'!(),\s]+)!\$[A-Z]{1,3}\$\d+(:\$[A-Z]{1,3}\$\d+)?$/;

export function keepWorkbookNamesOnRewrite(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const DefinedNamesXform = require("exceljs/lib/xlsx/xform/book/defined-name-xform") as {
    prototype: { parseClose(this: { model: NameModel; _parsedText: string[] }, name: string): boolean };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const DefinedNames = require("exceljs/lib/doc/defined-names") as { prototype: object };
  const xformProto = DefinedNamesXform.prototype as typeof DefinedNamesXform.prototype & { [NAMES_PATCHED]?: boolean };
  if (xformProto[NAMES_PATCHED]) return;

  const parseClose = xformProto.parseClose;
  xformProto.parseClose = function (name) {
    const result = parseClose.call(this, name);
    const text = this._parsedText.join("");
    const model = this.model as RawName;
    const plainRanges =
      model.ranges.length > 0 && model.ranges.join(",") === text && model.ranges.every((r) => CELL_RANGE.test(r));
    if (!model.name.startsWith("_xlnm.") && (model.localSheetId !== undefined || !plainRanges)) {
      model.ranges = [text];
      Object.defineProperty(model, RAW_NAME, { value: true, enumerable: false });
    }
    return result;
  };

  const descriptor = Object.getOwnPropertyDescriptor(DefinedNames.prototype, "model");
  if (!descriptor?.get || !descriptor.set) return;
  const { get, set } = descriptor;
  Object.defineProperty(DefinedNames.prototype, "model", {
    configurable: true,
    get(this: { [PASSTHROUGH]?: RawName[] }) {
      return [...(get.call(this) as NameModel[]), ...(this[PASSTHROUGH] ?? [])];
    },
    set(this: { [PASSTHROUGH]?: RawName[] }, value: RawName[]) {
      const list = Array.isArray(value) ? value : [];
      this[PASSTHROUGH] = list.filter((name) => name[RAW_NAME]);
      set.call(
        this,
        list.filter((name) => !name[RAW_NAME]),
      );
    },
  });
  Object.defineProperty(xformProto, NAMES_PATCHED, { value: true });
}
