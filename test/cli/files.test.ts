/**
 * The annotated copy's file handling (src/cli/files.ts): a temporary file with a random name, created
 * exclusively (a symbolic link planted at the name is never followed), removed on SIGINT / SIGTERM; read-only
 * targets; a folder given as input.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { UserError } from "../../src/app/errors";
import { isReadOnlyFile, openWorkbook, writeOutput } from "../../src/cli/files";
import { ROOT } from "./runCli";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fengong-files-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe("writeOutput", () => {
  it("names its temporary file at random: two writes never use the same name", async () => {
    const names: string[] = [];
    const hooks = { afterCreate: async (temporary: string) => void names.push(temporary) };
    await writeOutput(join(dir, "标注.xlsx"), bytes("第一次"), "zh-CN", hooks);
    await writeOutput(join(dir, "标注.xlsx"), bytes("第二次"), "zh-CN", hooks);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) expect(name).toMatch(/\/\.标注\.xlsx\.[0-9a-f]{16}\.tmp$/);
    expect(readFileSync(join(dir, "标注.xlsx"), "utf8")).toBe("第二次");
    expect(readdirSync(dir)).toEqual(["标注.xlsx"]);
  });

  it("never follows a symbolic link planted at the temporary name: it takes another name", async () => {
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "别人的文件");
    symlinkSync(victim, join(dir, "planted.tmp"));
    const tried: number[] = [];
    await writeOutput(join(dir, "copy.xlsx"), bytes("新的标注副本"), "zh-CN", {
      temporaryName: (attempt) => {
        tried.push(attempt);
        return attempt === 0 ? "planted.tmp" : `fresh-${attempt}.tmp`;
      },
    });
    expect(tried).toEqual([0, 1]);
    expect(readFileSync(victim, "utf8")).toBe("别人的文件");
    expect(lstatSync(join(dir, "planted.tmp")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "copy.xlsx"), "utf8")).toBe("新的标注副本");
    expect(readdirSync(dir).sort()).toEqual(["copy.xlsx", "planted.tmp", "victim.txt"]);
  });

  it("does not follow a dangling link either (it could point where the file would be created)", async () => {
    const target = join(dir, "would-be-created.txt");
    symlinkSync(target, join(dir, "dangling.tmp"));
    await writeOutput(join(dir, "copy.xlsx"), bytes("x"), "zh-CN", {
      temporaryName: (attempt) => (attempt === 0 ? "dangling.tmp" : "other.tmp"),
    });
    expect(existsSync(target)).toBe(false);
    expect(readFileSync(join(dir, "copy.xlsx"), "utf8")).toBe("x");
  });

  it("gives up with a clear error when every name is taken, leaving nothing behind", async () => {
    writeFileSync(join(dir, "taken.tmp"), "someone else's");
    const error = await writeOutput(join(dir, "copy.xlsx"), bytes("x"), "en-US", {
      temporaryName: () => "taken.tmp",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("file.write-failed");
    expect(readFileSync(join(dir, "taken.tmp"), "utf8")).toBe("someone else's");
    expect(existsSync(join(dir, "copy.xlsx"))).toBe(false);
  });

  describe.each(["SIGTERM", "SIGINT"] as const)("interrupted by %s", (signal) => {
    let child: string;
    beforeAll(async () => {
      child = join(mkdtempSync(join(tmpdir(), "fengong-child-")), "pausedWrite.js");
      await build({
        entryPoints: [join(ROOT, "test", "cli", "children", "pausedWrite.ts")],
        outfile: child,
        bundle: true,
        platform: "node",
        format: "cjs",
        external: ["exceljs"],
        logLevel: "silent",
      });
    }, 60_000);

    it("removes the temporary file and ends with the signal", async () => {
      const out = join(dir, "标注副本.xlsx");
      // NODE_PATH: the bundle lives in a temporary folder and requires exceljs from the project.
      const process_ = spawn(process.execPath, [child, out], {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
      });
      const temporary = await new Promise<string>((resolve, reject) => {
        let text = "";
        process_.stdout.setEncoding("utf8");
        process_.stdout.on("data", (chunk: string) => {
          text += chunk;
          if (text.includes("\n")) resolve((JSON.parse(text.split("\n")[0]) as { temporary: string }).temporary);
        });
        process_.once("exit", (code) => reject(new Error(`child ended early (${code})`)));
      });
      expect(existsSync(temporary)).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        process_.once("exit", (_code, sig) => resolve(sig)),
      );
      process_.kill(signal);
      expect(await ended).toBe(signal);
      expect(existsSync(temporary)).toBe(false);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  });
});

describe("isReadOnlyFile", () => {
  it("is true for a file nobody may write, false for a writable or missing one", async () => {
    const readOnly = join(dir, "只读.xlsx");
    writeFileSync(readOnly, "x");
    chmodSync(readOnly, 0o444);
    const writable = join(dir, "可写.xlsx");
    writeFileSync(writable, "x");
    expect(await isReadOnlyFile(readOnly)).toBe(true);
    expect(await isReadOnlyFile(writable)).toBe(false);
    expect(await isReadOnlyFile(join(dir, "missing.xlsx"))).toBe(false);
    expect(await isReadOnlyFile(dir)).toBe(false);
  });
});

describe("openWorkbook", () => {
  it("says a folder is a folder", async () => {
    const folder = join(dir, "各州市台账");
    mkdirSync(folder);
    const error = await openWorkbook(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("file.is-folder");
    expect((error as UserError).messageIn("zh-CN")).toContain("是一个文件夹");
  });
});
