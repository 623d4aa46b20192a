/** The Excel double is strict where Office.js is: these tests keep it that way. */
import { ExcelDouble } from "../doubles/excel";
import type { ExcelContext } from "../../src/excel/officeTypes";

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

function workbook(): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheet("Plan", {
    values: [
      ["序号", "任务"],
      [1, "甲"],
      [2, "乙"],
    ],
  });
  return excel;
}

describe("proxy model", () => {
  test("reading a property before load throws PropertyNotLoaded, as does reading it before sync", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["序号", "任务"],
        [1, "甲"],
        [2, "乙"],
      ]);
      // Loaded: values; not loaded: address.
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("collections: items are unreadable until loaded; load() without names is refused", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => sheets.load("")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Plan"]);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes are queued until sync, then applied in order; one round trip per sync", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Plan").getRange("C1");
      range.values = [["完成时限"]];
      expect(excel.values("Plan", "C1")).toEqual([[""]]);
      await ctx.sync();
      expect(excel.values("Plan", "C1")).toEqual([["完成时限"]]);
    });
    expect(excel.stats.syncs).toBe(1);
    expect(excel.stats.requestBytes).toBeGreaterThan(Buffer.byteLength("完成时限"));
  });

  test("operations left queued at the end of a run are sent in a final sync (and counted)", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Plan").getRange("C1").values = [["x"]];
    });
    expect(excel.values("Plan", "C1")).toEqual([["x"]]);
    expect(excel.stats.implicitSyncs).toBe(1);
  });

  test("a proxy cannot be used after its run has ended", async () => {
    const excel = workbook();
    let kept: ReturnType<ExcelContext["workbook"]["worksheets"]["getItem"]> | null = null;
    await excel.run({}, async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Plan");
      await ctx.sync();
    });
    expect(() => kept!.load("name")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound; OrNullObject gives isNullObject", async () => {
    const excel = workbook();
    expect(
      await codeOf(
        excel.run({}, async (ctx) => {
          ctx.workbook.worksheets.getItem("Nope");
          await ctx.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await excel.run({}, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("plan");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("a batch is not a transaction: operations before a failing one stay applied, later ones do not", async () => {
    const excel = workbook();
    const code = await codeOf(
      excel.run({}, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Plan");
        sheet.getRange("C1").values = [["before"]];
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
        sheet.getRange("D1").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
    expect(excel.values("Plan", "C1:D1")).toEqual([["before", ""]]);
  });
});

describe("values as Excel takes them", () => {
  test("text that looks like a formula, number or date is parsed unless the cell is formatted as text", async () => {
    const excel = workbook();
    const inputs = [["=SUM(A1)", "+1", "-x", "@x", "0012", "2017-07-31", "12.5%"]];
    await excel.run({}, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Plan");
      sheet.getRange("A5:G5").values = inputs;
      const text = sheet.getRange("A6:G6");
      text.numberFormat = [inputs[0].map(() => "@")];
      text.values = inputs;
      await ctx.sync();
    });
    expect(excel.cell("Plan", "A5")?.formula).toBe("=SUM(A1)");
    expect(excel.values("Plan", "B5:G5")).toEqual([[1, "#NAME?", "#NAME?", 12, 42947, 0.125]]);
    expect(excel.values("Plan", "A6:G6")).toEqual(inputs);
    expect(excel.cell("Plan", "A6")?.formula).toBeUndefined();
  });

  test("a 2-D array of the wrong shape is refused", async () => {
    const excel = workbook();
    const code = await codeOf(
      excel.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange("A1:B2").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("merged areas: only the top-left cell holds a value; only areas starting in the range are returned", async () => {
    const excel = new ExcelDouble();
    excel.addSheet("Plan", {
      values: [
        ["a", "b", "c"],
        ["d", "e", "f"],
        ["g", "h", "i"],
      ],
      merges: ["A1:B2", "C2:C3"],
    });
    await excel.run({}, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Plan");
      const all = sheet.getRange("A1:C3");
      all.load("values");
      const merged = all.getMergedAreasOrNullObject();
      merged.load("address");
      const lower = sheet.getRange("A2:C3").getMergedAreasOrNullObject();
      lower.load("address");
      const none = sheet.getRange("A3:B3").getMergedAreasOrNullObject();
      none.load("address");
      await ctx.sync();
      expect(all.values).toEqual([
        ["a", "", "c"],
        ["", "", "f"],
        ["g", "h", ""],
      ]);
      expect(merged.address).toBe("Plan!A1:B2, Plan!C2:C3");
      expect(lower.address).toBe("Plan!C2:C3");
      expect(none.isNullObject).toBe(true);
    });
  });

  test("more than 512 merged areas in one range fail; without ExcelApi 1.13 the call does not exist", async () => {
    const excel = new ExcelDouble();
    excel.addSheet("Plan");
    for (let r = 1; r <= 1026; r += 2) excel.merge("Plan", `A${r}:A${r + 1}`);
    const code = await codeOf(
      excel.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange("A1:A1026").getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    );
    expect(code).toBe("GeneralException");

    const old = new ExcelDouble({ excelApi: "1.12" });
    old.addSheet("Plan");
    expect(old.office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(old.isSetSupported("ExcelApi", "1.12")).toBe(true);
    await old.run({}, async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("Plan").getRange("A1").getMergedAreasOrNullObject()).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }),
      );
    });
  });
});

describe("protection, cell edit, limits, faults", () => {
  test("writing cells or conditional formats of a protected sheet: AccessDenied", async () => {
    const excel = workbook();
    excel.protectSheet("Plan");
    const before = excel.snapshot();
    for (const write of [
      (ctx: ExcelContext) => (ctx.workbook.worksheets.getItem("Plan").getRange("A1").values = [["x"]]),
      (ctx: ExcelContext) => ctx.workbook.worksheets.getItem("Plan").getRange("A1:B3").conditionalFormats.add("Custom"),
    ]) {
      const code = await codeOf(
        excel.run({}, async (ctx) => {
          write(ctx);
          await ctx.sync();
        }),
      );
      expect(code).toBe("AccessDenied");
    }
    expect(excel.snapshot()).toEqual(before);
  });

  test("workbook structure protection: adding or deleting a sheet is AccessDenied", async () => {
    const excel = workbook();
    excel.addSheet("Other");
    excel.protectStructure();
    expect(
      await codeOf(
        excel.run({}, async (ctx) => {
          ctx.workbook.worksheets.add("New");
          await ctx.sync();
        }),
      ),
    ).toBe("AccessDenied");
    expect(
      await codeOf(
        excel.run({}, async (ctx) => {
          ctx.workbook.worksheets.getItem("Other").delete();
          await ctx.sync();
        }),
      ),
    ).toBe("AccessDenied");
  });

  test("the last visible sheet cannot be hidden or deleted", async () => {
    const excel = workbook();
    expect(
      await codeOf(
        excel.run({}, async (ctx) => {
          ctx.workbook.worksheets.getItem("Plan").visibility = "Hidden";
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
  });

  test("cell-edit mode: a sync fails unless the run asked to wait, and then it waits for the edit to end", async () => {
    const excel = workbook();
    excel.setCellEditMode(true);
    const read = (delayForCellEdit: boolean) =>
      excel.run({ delayForCellEdit }, async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("Plan").getRange("B2");
        range.load("values");
        await ctx.sync();
        return range.values[0][0];
      });
    expect(await codeOf(read(false))).toBe("InvalidOperationInCellEditMode");
    let settled = false;
    const waiting = read(true).then((value) => {
      settled = true;
      return value;
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(settled).toBe(false);
    excel.endCellEdit();
    expect(await waiting).toBe("甲");
    expect(excel.stats.cellEditWaits).toBe(1);
  });

  test("request and response payload limits; a request too large applies nothing", async () => {
    const excel = new ExcelDouble({ limits: { requestBytes: 2_000, responseBytes: 2_000 } });
    excel.addSheet("Plan");
    const big = Array.from({ length: 100 }, (_, i) => [`第${i}行的一段较长的文字`]);
    const write = await codeOf(
      excel.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange("A1:A100").values = big;
        await ctx.sync();
      }),
    );
    expect(write).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.values("Plan", "A1")).toEqual([[""]]);
    excel.setValues("Plan", "A1", big);
    const read = await codeOf(
      excel.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange("A1:A100").load("values");
        await ctx.sync();
      }),
    );
    expect(read).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("an injected fault fails the nth sync, after some of its operations ran", async () => {
    const excel = workbook();
    excel.failSync(2, "ConnectionFailure", 2);
    const code = await codeOf(
      excel.run({}, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Plan");
        await ctx.sync();
        sheet.getRange("C1").values = [["one"]];
        sheet.getRange("D1").values = [["two"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("ConnectionFailure");
    // The second batch: getRange(C1), C1.values, getRange(D1), D1.values; the first two ran.
    expect(excel.values("Plan", "C1:D1")).toEqual([["one", ""]]);
    expect(excel.stats.log.map((s) => s.error)).toEqual([null, "ConnectionFailure"]);
  });
});

describe("conditional formats, names, settings", () => {
  test("add inserts at top priority; a DataBar has no custom; items are positional", async () => {
    const excel = workbook();
    excel.addConditionalFormat("Plan", { type: "DataBar", range: "A2:A3" });
    excel.addConditionalFormat("Plan", { type: "Custom", range: "A1:B3", formula: "=A1>1", fill: "#00FF00" });
    await excel.run({}, async (ctx) => {
      const format = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B3").conditionalFormats.add("Custom");
      format.custom.rule.formula = "=TRUE";
      format.custom.format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect(excel.snapshot().sheets[0].conditionalFormats.map((f) => f.formula ?? f.type)).toEqual([
      "=TRUE",
      "=A1>1",
      "DataBar",
    ]);

    await excel.run({}, async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem("Plan").getRange().conditionalFormats;
      formats.load("items/type");
      await ctx.sync();
      expect(formats.items.map((f) => f.type)).toEqual(["Custom", "Custom", "DataBar"]);
      const bar = formats.items[2];
      bar.custom.rule.load("formula");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "GeneralException" });
      const custom = bar.customOrNullObject;
      custom.rule.load("formula");
      await ctx.sync();
      expect(custom.isNullObject).toBe(true);
      // Deleting positions 0 then 1 in one batch deletes the first and the (shifted) third.
      formats.items[0].delete();
      formats.items[1].delete();
      await ctx.sync();
    });
    expect(excel.snapshot().sheets[0].conditionalFormats.map((f) => f.formula)).toEqual(["=A1>1"]);
  });

  test("names: add with a formula, update, getItemOrNullObject, delete; a deleted sheet leaves #REF!", async () => {
    const excel = workbook();
    excel.addSheet("Data");
    await excel.run({}, async (ctx) => {
      ctx.workbook.names.add("list", "=Data!$A$1:$A$3");
      ctx.workbook.names.add("other", "=Data!$B$1");
      await ctx.sync();
      ctx.workbook.names.getItem("LIST").formula = "=Data!$A$1:$A$9";
      const missing = ctx.workbook.names.getItemOrNullObject("none");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.names.getItem("other").delete();
      ctx.workbook.worksheets.getItem("Data").delete();
      await ctx.sync();
    });
    expect(excel.snapshot().names).toEqual([{ name: "list", formula: "=#REF!" }]);
  });

  test("settings round-trip through JSON", async () => {
    const excel = workbook();
    await excel.run({}, async (ctx) => {
      ctx.workbook.settings.add("k", '{"a":1}');
      await ctx.sync();
      const item = ctx.workbook.settings.getItemOrNullObject("k");
      item.load("value");
      const none = ctx.workbook.settings.getItemOrNullObject("none");
      await ctx.sync();
      expect(item.value).toBe('{"a":1}');
      expect(none.isNullObject).toBe(true);
    });
    expect(excel.snapshot().settings).toEqual({ k: '{"a":1}' });
  });

  test("snapshot: sheets, cells with formats and fills, rules, names, settings; equal after a no-op run", async () => {
    const excel = workbook();
    excel.setFill("Plan", "A2", "#FFFF00");
    excel.setNumberFormat("Plan", "B2", "@");
    const before = excel.snapshot();
    expect(before.sheets[0].cells.A2).toEqual({ v: 1, fill: "#FFFF00" });
    expect(before.sheets[0].cells.B2).toEqual({ v: "甲", nf: "@" });
    await excel.run({}, async (ctx) => {
      ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
    });
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("the cell length limit", () => {
  it("refuses more than 32,767 characters in a cell, as Excel does", async () => {
    const { ExcelDouble } = await import("../doubles/excel");
    const excel = new ExcelDouble();
    excel.addSheet("S");
    const write = (text: string) =>
      excel.run({}, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[text]];
        await context.sync();
      });
    await expect(write("x".repeat(32_768))).rejects.toMatchObject({ code: "InvalidArgument" });
    await write("y".repeat(32_767));
    expect(excel.values("S", "A1")[0][0]).toBe("y".repeat(32_767));
  });
});
