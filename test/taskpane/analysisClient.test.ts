/**
 * The page's side of the analysis worker (src/worker/client.ts): the message protocol (checked against a fake
 * worker and against the real service behind a structured-clone boundary), cancellation — the newest check
 * wins — and stale results that must never surface.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { unzipSync } from "fflate";
import { generatePlan } from "../../bench/generatePlan";
import { UserError } from "../../src/app/errors";
import type { CheckProgress } from "../../src/app/progress";
import { analyze } from "../../src/core/analyze";
import type { Grid, Report } from "../../src/core/types";
import { AnalysisClient, type WorkerEndpoint } from "../../src/worker/client";
import {
  CancelledError,
  GRID_PART,
  PARTS_AHEAD,
  REPORT_GONE,
  REPORT_PART,
  type WorkerRequest,
  type WorkerResponse,
} from "../../src/worker/protocol";
import { AnalysisService } from "../../src/worker/service";
import { noteFiles } from "../../src/app/documents";
import { followUpOf } from "../../src/taskpane/model/followUp";
import { noteDownloadOf, type NoteDownloadResult } from "../../src/taskpane/model/noteDownload";
import { digestOf, reportDigest } from "../../src/taskpane/model/reportDigest";
import { report as handMadeReport, task } from "./fixtures";

// jsdom has no TextEncoder; every browser the pane runs in has (docx writes its XML with it).
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? TextEncoder,
  TextDecoder: globalThis.TextDecoder ?? TextDecoder,
});

/** A worker that records what it is sent; the test answers for it. */
class FakeWorker implements WorkerEndpoint {
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  sent: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: WorkerResponse): void {
    this.onmessage?.({ data: response });
  }
}

/** Copies data the way postMessage does (jsdom has no structuredClone), as far as our messages go: plain objects,
 * arrays, byte and index arrays; Blobs pass as they are (immutable). Anything else cannot cross and fails the test. */
function cloneData<T>(value: T): T {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function") throw new Error("a function cannot be posted to a worker");
    return value;
  }
  if (value instanceof Blob) return value;
  if (value instanceof Uint8Array || value instanceof Int32Array) return value.slice() as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneData(item)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error("only plain data can be posted");
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneData(item)])) as T;
}

/** The real service behind a message boundary: requests and answers are copied and delivered later. */
function serviceWorker(): WorkerEndpoint & { sent: WorkerRequest["kind"][] } {
  let terminated = false;
  const endpoint: WorkerEndpoint & { sent: WorkerRequest["kind"][] } = {
    sent: [],
    onmessage: null,
    onerror: null,
    postMessage(message) {
      endpoint.sent.push(message.kind);
      const copy = { ...message } as WorkerRequest;
      if (copy.kind === "analyze") copy.grids = cloneData(copy.grids);
      setTimeout(() => void service.handle(copy), 0);
    },
    terminate() {
      terminated = true;
    },
  };
  const service = new AnalysisService((response) => {
    const copy = cloneData(response);
    setTimeout(() => {
      if (!terminated) endpoint.onmessage?.({ data: copy });
    }, 0);
  });
  return endpoint;
}

/** The sample checked through a client whose worker records every request the page posts. */
async function recordedCheck() {
  const sent: WorkerRequest[] = [];
  const analysis = new AnalysisClient(() => {
    const worker = serviceWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => {
      sent.push(message);
      post(message);
    };
    return worker;
  });
  await analysis.open(sample(), "yunnan-2017-notice.xlsx");
  const report = await analysis.check({ asOf: "2017-08-15", published: "2017-05-10", language: "zh-CN" });
  return { sent, analysis, report };
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const sample = () =>
  new File(
    [readFileSync(path.join(__dirname, "..", "fixtures", "yunnan-2017-notice.xlsx"))],
    "yunnan-2017-notice.xlsx",
    {
      type: XLSX_MIME,
    },
  );

const options = { asOf: "2024-08-15", published: "2024-03-01" };

describe("AnalysisClient protocol", () => {
  it("analyses in the worker: the same report as the core here, the long lists sent in parts, progress on the way", async () => {
    // More rows than one "rows" part, more tasks than one report part.
    const plan = generatePlan({ rows: GRID_PART + 500, layout: "one-column", seed: 7 });
    const workers: ReturnType<typeof serviceWorker>[] = [];
    const client = new AnalysisClient(() => {
      const worker = serviceWorker();
      workers.push(worker);
      return worker;
    });
    const progress: CheckProgress[] = [];
    const report = await client.analyze([plan.grid], options, (step) => progress.push(step));
    const here = analyze([plan.grid], options);
    expect(report.tasks.length).toBeGreaterThan(REPORT_PART);
    expect(report).toEqual(here);
    expect(progress[0]).toEqual({ phase: "analysing", fraction: 0 });
    // Analysing to the end, then the lists on their way with the counts known.
    const analysing = progress.filter((step) => step.phase === "analysing");
    expect(analysing[analysing.length - 1]).toEqual({ phase: "analysing", fraction: 1 });
    expect(progress.slice(analysing.length).every((step) => step.phase === "receiving")).toBe(true);
    expect(progress[progress.length - 1]).toEqual({
      phase: "receiving",
      fraction: 1,
      counts: {
        errors: here.findings.filter((f) => f.severity === "error").length,
        warnings: here.findings.filter((f) => f.severity === "warning").length,
        overdue: here.tasks.filter((t) => t.status === "overdue").length,
        dueSoon: here.tasks.filter((t) => t.status === "due-soon").length,
      },
    });
    expect(workers).toHaveLength(1);
    // The requests, and an acknowledgement of each report part taken.
    expect(workers[0].sent.filter((kind) => kind !== "ack")).toEqual(["rows", "rows", "analyze"]);
    expect(workers[0].sent.filter((kind) => kind === "ack")).toHaveLength(
      Math.ceil(report.tasks.length / REPORT_PART) + Math.ceil(report.findings.length / REPORT_PART),
    );
    expect(client.busy()).toBe(false);
  }, 60_000);

  it("sends a big grid's rows ahead in parts, values and number formats alike, and the grid without them", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const rows = GRID_PART + 2;
    const values = Array.from({ length: rows }, (_, i) => [i + 1, `任务${i + 1}`, i % 2 ? "省教育厅" : "省卫生健康委"]);
    const numberFormats = Array.from({ length: rows }, () => [null, "@", "General"]);
    const big: Grid = { sheet: "分工方案", origin: { row: 3, column: 1 }, values, numberFormats, merges: [] };
    const small: Grid = {
      sheet: "单位名录",
      origin: { row: 1, column: 1 },
      values: [["单位"], ["省教育厅"]],
      merges: [],
    };
    const pending = client.analyze([big, small], {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const kinds = worker.sent.map((message) => message.kind);
    expect(kinds).toEqual(["rows", "rows", "analyze"]);
    const [first, second, request] = worker.sent;
    expect(first).toMatchObject({ kind: "rows", grid: 0, values: values.slice(0, GRID_PART) });
    expect(second).toMatchObject({ kind: "rows", grid: 0, values: values.slice(GRID_PART) });
    expect(second.kind === "rows" && second.numberFormats).toEqual(numberFormats.slice(GRID_PART));
    expect(new Set(worker.sent.map((message) => message.id)).size).toBe(1);
    expect(request.kind === "analyze" && request.grids).toEqual([{ ...big, values: [], numberFormats: [] }, small]);
    worker.reply({ id: request.id, kind: "done", value: handMadeReport() });
    await expect(pending).resolves.toMatchObject({ language: "zh-CN" });
  });

  it("reassembles a report from its parts in order and sends the request as plain data", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const plan = generatePlan({ rows: 50, layout: "two-column", seed: 3 });
    const pending = client.analyze([plan.grid], { asOf: "2024-08-15", language: "zh-CN" });
    expect(worker.sent).toEqual([
      { id: 1, kind: "analyze", grids: [plan.grid], options: { asOf: "2024-08-15", language: "zh-CN" } },
    ]);
    const tasks = [
      task(5, { lead: ["省发展改革委"] }),
      task(6, { lead: ["省财政厅"] }),
      task(7, { lead: ["省教育厅"] }),
    ];
    worker.reply({ id: 1, kind: "part", list: "tasks", items: tasks.slice(0, 2) });
    worker.reply({ id: 1, kind: "progress", progress: { phase: "analysing", fraction: 0.5 } });
    worker.reply({ id: 1, kind: "part", list: "tasks", items: tasks.slice(2) });
    // An answer to a request nobody made is ignored.
    worker.reply({ id: 99, kind: "done", value: handMadeReport() });
    worker.reply({ id: 1, kind: "done", value: handMadeReport({ tasks: [], findings: [] }) });
    const report = await pending;
    expect(report.tasks.map((t) => t.lead[0])).toEqual(["省发展改革委", "省财政厅", "省教育厅"]);
    expect(report.findings).toEqual([]);
  });

  it("sends the report's digest with it, so the page never walks the lists: counts and order as computed here", async () => {
    const plan = generatePlan({ rows: REPORT_PART * 3, layout: "two-column", seed: 5 });
    const sent: WorkerResponse[] = [];
    const client = new AnalysisClient(() => serviceWorker());
    // The real service behind the boundary: watch what it posts, messages and their transfer lists.
    let ahead = 0;
    let mostAhead = 0;
    const service = new AnalysisService((response, transfer = []) => {
      sent.push(response);
      if (response.kind === "done") expect(transfer.length).toBeGreaterThan(0);
      if (response.kind !== "part") return;
      mostAhead = Math.max(mostAhead, ++ahead);
      // The page takes the part a little later and says so.
      setTimeout(() => {
        ahead--;
        void service.handle({ id: 1, kind: "ack" });
      }, 0);
    });
    await service.handle({ id: 1, kind: "analyze", grids: [plan.grid], options });
    // Never more than PARTS_AHEAD parts waiting for the page.
    expect(mostAhead).toBe(PARTS_AHEAD);
    // The counts go ahead of the lists, in a progress message, then the share of the lists sent.
    const firstPart = sent.findIndex((message) => message.kind === "part");
    const receiving = sent.filter((message) => message.kind === "progress" && message.progress.phase === "receiving");
    expect(sent[firstPart - 1]).toEqual({
      id: 1,
      kind: "progress",
      progress: { phase: "receiving", fraction: 0, counts: reportDigest(analyze([plan.grid], options)).counts },
    });
    expect(receiving.length).toBeGreaterThan(2);
    expect(receiving[receiving.length - 1]).toMatchObject({ progress: { phase: "receiving", fraction: 1 } });
    const done = sent[sent.length - 1];
    expect(done.kind === "done" && done.digest).toBeTruthy();
    // Every message holds a part of a list at most: the task list never crosses in one go.
    for (const message of sent.slice(0, -1)) {
      if (message.kind === "part") expect(message.items.length).toBeLessThanOrEqual(REPORT_PART);
    }
    expect(done.kind === "done" && (done.value as Report).tasks).toEqual([]);

    const report = await client.analyze([plan.grid], options);
    const here = reportDigest(analyze([plan.grid], options));
    const digest = digestOf(report);
    expect(digest).toEqual(here);
    expect(digest.counts.overdue).toBeGreaterThan(0);
  }, 60_000);

  it("keeps the digest that came with the report instead of computing one", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const pending = client.analyze([], {});
    const tasks = [task(5, { status: "overdue", daysOverdue: 12, lead: ["省发展改革委"] })];
    worker.reply({ id: 1, kind: "part", list: "tasks", items: tasks });
    const digest = reportDigest(handMadeReport({ tasks }));
    worker.reply({ id: 1, kind: "done", value: handMadeReport({ tasks: [] }), digest });
    const report = await pending;
    expect(digestOf(report)).toBe(digest);
  });

  it("rejects with the worker's UserError, code and parameters kept, in the user's language", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const pending = client.analyze([], {});
    worker.reply({ id: 1, kind: "failed", error: { code: "sheet.not-found", params: { sheet: "汇总表（2024年）" } } });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: "sheet.not-found", params: { sheet: "汇总表（2024年）" } });
    expect((error as UserError).messageIn("zh-CN")).toContain("汇总表（2024年）");
  });
});

describe("AnalysisClient cancellation", () => {
  it("a newer check terminates the worker of the older one, which rejects as cancelled; its late answer is dropped", async () => {
    const workers: FakeWorker[] = [];
    const client = new AnalysisClient(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const first = client.analyze([], { asOf: "2024-08-15" });
    const lateHandler = workers[0].onmessage;
    const second = client.analyze([], { asOf: "2024-08-16" });
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    // The old worker answers anyway (it was mid-message): nothing of it reaches the new request.
    lateHandler?.({ data: { id: 1, kind: "done", value: handMadeReport({ asOf: "2024-08-15" }) } });
    lateHandler?.({ data: { id: 2, kind: "done", value: handMadeReport({ asOf: "2024-08-15" }) } });
    expect(client.busy()).toBe(true);
    workers[1].reply({ id: 2, kind: "done", value: handMadeReport({ asOf: "2024-08-16" }) });
    await expect(second).resolves.toMatchObject({ asOf: "2024-08-16" });
  });

  it("cancel with nothing running keeps the worker (and the file it holds)", async () => {
    const worker = new FakeWorker();
    const spawn = jest.fn(() => worker);
    const client = new AnalysisClient(spawn);
    const done = client.analyze([], {});
    worker.reply({ id: 1, kind: "done", value: handMadeReport() });
    await done;
    client.cancel();
    expect(worker.terminated).toBe(false);
    expect(spawn).toHaveBeenCalledTimes(1);
  });

  it("after a cancel, a check first re-opens the file in a fresh worker", async () => {
    const workers: FakeWorker[] = [];
    const client = new AnalysisClient(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const file = new Blob(["PK"]);
    const opened = client.open(file, "2024年重点工作分工方案.xlsx");
    workers[0].reply({ id: 1, kind: "done", value: null });
    await opened;
    const running = client.check(options);
    await Promise.resolve();
    expect(workers[0].sent.map((m) => m.kind)).toEqual(["open", "check"]);
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);

    const again = client.check(options);
    const fresh = workers[1];
    expect(fresh.sent[0]).toMatchObject({ kind: "open", file, fileName: "2024年重点工作分工方案.xlsx" });
    fresh.reply({ id: fresh.sent[0].id, kind: "done", value: null });
    await Promise.resolve();
    await Promise.resolve();
    expect(fresh.sent.map((m) => m.kind)).toEqual(["open", "check"]);
    fresh.reply({ id: fresh.sent[1].id, kind: "done", value: handMadeReport() });
    await expect(again).resolves.toMatchObject({ language: "zh-CN" });
  });

  it("opening another file cancels the check still running on the previous one", async () => {
    const workers: FakeWorker[] = [];
    const client = new AnalysisClient(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const first = client.open(new Blob(["PK"]), "省直单位分工.xlsx");
    workers[0].reply({ id: 1, kind: "done", value: null });
    await first;
    const check = client.check(options);
    const second = client.open(new Blob(["PK"]), "各州市分工.xlsx");
    await expect(check).rejects.toBeInstanceOf(CancelledError);
    // The check never reached a worker: it was cancelled between opening and checking.
    expect(workers.flatMap((worker) => worker.sent.map((message) => message.kind))).not.toContain("check");
    const worker = workers[workers.length - 1];
    const request = worker.sent.find((message) => message.kind === "open" && message.fileName === "各州市分工.xlsx");
    worker.reply({ id: request?.id ?? -1, kind: "done", value: null });
    await second;
    expect(client.fileName()).toBe("各州市分工.xlsx");
  });

  it("a worker that fails to start: its requests fail with a message, later ones run on the fallback", async () => {
    const broken = new FakeWorker();
    const fallback = new FakeWorker();
    const client = new AnalysisClient(
      () => broken,
      () => fallback,
    );
    const lost = client.analyze([], {});
    broken.onerror?.({ message: "Refused to create a worker" });
    await expect(lost).rejects.toMatchObject({ code: "unexpected", params: { detail: "Refused to create a worker" } });
    const next = client.analyze([], {});
    expect(fallback.sent).toHaveLength(1);
    fallback.reply({ id: fallback.sent[0].id, kind: "done", value: handMadeReport() });
    await expect(next).resolves.toMatchObject({ language: "zh-CN" });
  });
});

describe("AnalysisClient on a real workbook (the service behind the message boundary)", () => {
  const client = () => new AnalysisClient(serviceWorker);

  it("opens, checks and annotates the sample; a file that is no workbook leaves the previous one open", async () => {
    const analysis = client();
    const progress: CheckProgress[] = [];
    await analysis.open(sample(), "yunnan-2017-notice.xlsx", (step) => progress.push(step));
    expect(progress).toEqual([{ phase: "reading", fraction: null }]);
    await expect(analysis.open(new File(["只是一段文字"], "分工.xlsx"), "分工.xlsx")).rejects.toMatchObject({
      code: "file.not-workbook",
      params: { file: "分工.xlsx" },
    });
    expect(analysis.fileName()).toBe("yunnan-2017-notice.xlsx");
    const report: Report = await analysis.check({ asOf: "2017-08-15", published: "2017-05-10", language: "zh-CN" });
    expect(report.tasks.filter((t) => t.status === "overdue").map((t) => t.row)).toEqual([7, 10]);
    const bytes = await analysis.annotatedCopy(report);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  }, 60_000);

  it("annotates the report the worker kept from the check: the same copy as with the report posted back", async () => {
    const { sent, analysis, report } = await recordedCheck();
    const kept = await analysis.annotatedCopy(report);
    const check = sent.find((message) => message.kind === "check");
    expect(sent[sent.length - 1]).toEqual({ id: sent[sent.length - 1].id, kind: "annotate", checked: check?.id });
    // Another report (the same check's, copied with other lists): posted with the request.
    const other = { ...report, tasks: report.tasks.slice() };
    const posted = await analysis.annotatedCopy(other);
    expect(sent[sent.length - 1]).toMatchObject({ kind: "annotate", report: other });
    expect(kept.length).toBeGreaterThan(0);
    expect(Buffer.from(kept).equals(Buffer.from(posted))).toBe(true);
    // The Follow-up tab's reminders of the kept report, made in the worker: as the page would make them.
    const made = { feedbackDate: "2017-08-31", weights: { overdue: 25 } };
    await expect(analysis.followUp(report, made)).resolves.toEqual(followUpOf(report, made));
    expect(sent[sent.length - 1]).toEqual({
      id: sent[sent.length - 1].id,
      kind: "followUp",
      checked: check?.id,
      options: made,
    });
    // Not the kept report: the page makes them itself.
    await expect(analysis.followUp(other, made)).resolves.toBeNull();
  }, 60_000);
});

describe("AnalysisClient annotated copy of the last check", () => {
  it("asks for the kept report by the check's id, and posts the report when the worker no longer has it", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const opening = client.open(new Blob(["PK"]), "分工方案.xlsx");
    worker.reply({ id: 1, kind: "done", value: null });
    await opening;
    const checking = client.check({ asOf: "2024-08-15" });
    await Promise.resolve();
    const check = worker.sent[worker.sent.length - 1];
    expect(check.kind).toBe("check");
    worker.reply({ id: check.id, kind: "part", list: "tasks", items: [task(5, { lead: ["市发展改革委"] })] });
    worker.reply({ id: check.id, kind: "done", value: handMadeReport({ tasks: [] }) });
    const report = await checking;
    const copying = client.annotatedCopy(report);
    await Promise.resolve();
    const ask = worker.sent[worker.sent.length - 1];
    expect(ask).toEqual({ id: ask.id, kind: "annotate", checked: check.id });
    worker.reply({ id: ask.id, kind: "failed", error: { code: "unexpected", params: { detail: REPORT_GONE } } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const retry = worker.sent[worker.sent.length - 1];
    expect(retry).toEqual({ id: retry.id, kind: "annotate", report });
    worker.reply({ id: retry.id, kind: "done", value: new Uint8Array([0x50, 0x4b]) });
    await expect(copying).resolves.toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

/** The parts of a .docx (or of a zip of them, each unpacked in turn), with the times the writers stamp (the
 * document's created/modified dates, the zip entries' dates) left out: what two runs of the same input share. */
function contents(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith(".docx")) {
      for (const [inner, text] of Object.entries(contents(data))) parts[`${name}/${inner}`] = text;
      continue;
    }
    parts[name] = new TextDecoder().decode(data).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, "$1");
  }
  return parts;
}

describe("AnalysisClient Word downloads of the last check (Follow-up tab)", () => {
  it("writes them in the worker from the report it kept: the same documents as the page writes", async () => {
    const { sent, analysis, report } = await recordedCheck();
    const check = sent.find((message) => message.kind === "check");
    const made = { feedbackDate: "2017-08-31", weights: null };
    const followUp = await analysis.followUp(report, made);
    const unit = followUp?.notes[0]?.unit;
    expect(unit).toBeTruthy();
    const options = { feedbackDate: "2017-08-31", assessment: followUp?.assessment ?? null };

    const one = await analysis.noteDownload(report, { which: "unit", unit: unit ?? "" }, options);
    expect(sent[sent.length - 1]).toEqual({
      id: sent[sent.length - 1].id,
      kind: "noteDownload",
      checked: check?.id,
      download: { which: "unit", unit },
      options,
    });
    const pageFiles = await noteFiles(report, options);
    const pageUnit = pageFiles.find((file) => file.unit === unit);
    expect(one && "files" in one && one.files.map((file) => [file.name, file.unit])).toEqual([[pageUnit?.name, unit]]);
    const workerUnit = (one as { files: { bytes: Uint8Array }[] }).files[0].bytes;
    expect(contents(workerUnit)).toEqual(contents(pageUnit?.bytes ?? new Uint8Array()));
    expect(contents(workerUnit)["word/document.xml"]).toContain(unit);

    const circular = (await analysis.noteDownload(report, { which: "circular" }, options)) as NoteDownloadResult;
    expect("files" in circular && circular.files.map((file) => file.name)).toEqual(["通报.docx"]);
    const circularBytes = (circular as { files: { bytes: Uint8Array }[] }).files[0].bytes;
    expect(contents(circularBytes)).toEqual(contents(pageFiles[0].bytes));

    const all = (await analysis.noteDownload(report, { which: "all" }, options)) as NoteDownloadResult;
    const pageAll = (await noteDownloadOf(report, { which: "all" }, options)) as { zip: Uint8Array; names: string[] };
    expect("zip" in all && all.names).toEqual(pageFiles.map((file) => file.name));
    const unpacked = contents((all as { zip: Uint8Array }).zip);
    expect(unpacked).toEqual(contents(pageAll.zip));
    expect(Object.keys(unpacked)).toContain(`${pageUnit?.name}/word/document.xml`);

    // Another report (the same check's, copied with other lists): the page writes them itself.
    const other = { ...report, tasks: report.tasks.slice() };
    const asked = sent.length;
    await expect(analysis.noteDownload(other, { which: "circular" }, options)).resolves.toBeNull();
    expect(sent).toHaveLength(asked);
  }, 120_000);

  it("moves the files' bytes to the page (transferred with the answer, not copied)", async () => {
    const posted: { response: WorkerResponse; transfer?: Transferable[] }[] = [];
    const service = new AnalysisService((response, transfer) => posted.push({ response, transfer }));
    await service.handle({ id: 1, kind: "open", file: sample(), fileName: "yunnan-2017-notice.xlsx" });
    await service.handle({ id: 2, kind: "check", options: { asOf: "2017-08-15", language: "zh-CN" } });
    const download = { which: "all" as const };
    await service.handle({
      id: 3,
      kind: "noteDownload",
      checked: 2,
      download,
      options: { feedbackDate: null, assessment: null },
    });
    const done = posted[posted.length - 1];
    expect(done.response).toMatchObject({ id: 3, kind: "done" });
    const zip = (done.response as { value: { zip: Uint8Array } }).value.zip;
    expect([...zip.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(done.transfer).toEqual([zip.buffer]);
    await service.handle({
      id: 4,
      kind: "noteDownload",
      checked: 2,
      download: { which: "circular" },
      options: { feedbackDate: null, assessment: null },
    });
    const circular = posted[posted.length - 1];
    const files = (circular.response as { value: { files: { bytes: Uint8Array }[] } }).value.files;
    expect(circular.transfer).toEqual(files.map((file) => file.bytes.buffer));
    // A check id the service has not kept: REPORT_GONE, for the page to write them itself.
    await service.handle({
      id: 5,
      kind: "noteDownload",
      checked: 1,
      download,
      options: { feedbackDate: null, assessment: null },
    });
    expect(posted[posted.length - 1].response).toEqual({
      id: 5,
      kind: "failed",
      error: { code: "unexpected", params: { detail: REPORT_GONE } },
    });
  }, 120_000);

  it("answers null when the worker no longer has the report (REPORT_GONE), other failures reach the page", async () => {
    const worker = new FakeWorker();
    const client = new AnalysisClient(() => worker);
    const opening = client.open(new Blob(["PK"]), "分工方案.xlsx");
    worker.reply({ id: 1, kind: "done", value: null });
    await opening;
    const checking = client.check({ asOf: "2024-08-15" });
    await Promise.resolve();
    const check = worker.sent[worker.sent.length - 1];
    worker.reply({ id: check.id, kind: "part", list: "tasks", items: [task(5, { lead: ["市发展改革委"] })] });
    worker.reply({ id: check.id, kind: "done", value: handMadeReport({ tasks: [] }) });
    const report = await checking;
    const options = { feedbackDate: "2024-08-31", assessment: null };
    const gone = client.noteDownload(report, { which: "unit", unit: "市发展改革委" }, options);
    const ask = worker.sent[worker.sent.length - 1];
    expect(ask).toEqual({
      id: ask.id,
      kind: "noteDownload",
      checked: check.id,
      download: { which: "unit", unit: "市发展改革委" },
      options,
    });
    worker.reply({ id: ask.id, kind: "failed", error: { code: "unexpected", params: { detail: REPORT_GONE } } });
    await expect(gone).resolves.toBeNull();
    const failing = client.noteDownload(report, { which: "circular" }, options);
    const second = worker.sent[worker.sent.length - 1];
    worker.reply({
      id: second.id,
      kind: "failed",
      error: { code: "unexpected", params: { detail: "docx: out of memory" } },
    });
    await expect(failing).rejects.toThrow(UserError);
    // Nothing checked in this worker: nothing asked.
    client.close();
    const sentBefore = worker.sent.length;
    await expect(client.noteDownload(report, { which: "all" }, options)).resolves.toBeNull();
    expect(worker.sent).toHaveLength(sentBefore);
  });
});
