/**
 * The Follow-up tab's Word downloads: one unit's reminder (督办通知单), the circular (通报), or all of them in one
 * zip. Building them walks every task and writes .docx files (seconds on a 100,000-row plan): the standalone
 * pane has them made in the analysis worker, from the report it kept (src/worker), and only the bytes come back
 * (transferred); Excel and a worker without the report make them here, with the same function.
 */
import { circularFile, noteFiles, unitNoteFile, type NoteFile } from "../../app/documents";
import type { Assessment } from "../../core/assessment";
import type { IsoDate, Report } from "../../core/types";

/** What the user asked to download. */
export type NoteDownload = { which: "unit"; unit: string } | { which: "circular" } | { which: "all" };

export interface NoteDownloadOptions {
  /** The date units report back by (the feedbackDate setting). */
  feedbackDate: IsoDate | null;
  /** With an assessment the circular gets its year-end section. */
  assessment: Assessment | null;
}

/** Word files to save (none when the unit has nothing to remind), or "download all" as one zip of them; the page
 * names the zip in the user's language. */
export type NoteDownloadResult = { files: NoteFile[] } | { zip: Uint8Array; names: string[] };

export async function noteDownloadOf(
  report: Report,
  download: NoteDownload,
  options: NoteDownloadOptions,
): Promise<NoteDownloadResult> {
  switch (download.which) {
    case "unit": {
      const file = await unitNoteFile(report, download.unit, options);
      return { files: file ? [file] : [] };
    }
    case "circular":
      return { files: [await circularFile(report, options)] };
    case "all": {
      const [files, { zipSync }] = await Promise.all([noteFiles(report, options), import("fflate")]);
      const zip = zipSync(Object.fromEntries(files.map((file) => [file.name, file.bytes])));
      return { zip, names: files.map((file) => file.name) };
    }
  }
}

/** The buffers a worker moves to the page with the result instead of copying them (each once). */
export function noteDownloadBuffers(result: NoteDownloadResult): ArrayBuffer[] {
  const views = "zip" in result ? [result.zip] : result.files.map((file) => file.bytes);
  return [...new Set(views.map((view) => view.buffer as ArrayBuffer))];
}
