/**
 * Use case "reminders and the circular as documents" (design §8), shared by the CLI (`fengong notes`) and the
 * task pane: the reminder of each unit as text to paste, and the Word files — one <unit>.docx per unit with
 * something to remind, and 通报.docx. The Word writer (src/word, with the docx package) is loaded only here, on
 * demand, so the pane's first bundle and the CLI's `check` never load it.
 */
import type { Assessment } from "../core/assessment";
import { circularDocumentParts } from "../core/circularDocument";
import { reminderParts, reminderText, remindersByUnit, type ReminderParts, type UnitReminder } from "../core/reminders";
import type { IsoDate, Language, Report } from "../core/types";

export interface NotesOptions {
  /** The date units report back by (the workbook's feedbackDate setting). */
  feedbackDate?: IsoDate | null;
  /** With an assessment the circular gets its year-end section (ranking and lists). */
  assessment?: Assessment | null;
}

export interface UnitNote {
  unit: string;
  reminder: UnitReminder;
  parts: ReminderParts;
  /** The note as text to paste. */
  text: string;
}

/** The reminder of every unit with an overdue or due-soon task, most overdue first. */
export function unitNotes(report: Report, options: NotesOptions = {}): UnitNote[] {
  return remindersByUnit(report.tasks).map((reminder) => {
    const parts = reminderParts(reminder, {
      asOf: report.asOf,
      language: report.language,
      feedbackDate: options.feedbackDate ?? null,
    });
    return { unit: reminder.unit, reminder, parts, text: reminderText(parts) };
  });
}

export interface NoteFile {
  /** File name, safe on Windows, macOS and Linux: <unit>.docx, or 通报.docx / Circular.docx. */
  name: string;
  /** The unit the note is for; null for the circular. */
  unit: string | null;
  bytes: Uint8Array;
}

/** The file name of the circular in each language. */
export const CIRCULAR_FILE: Record<Language, string> = { "zh-CN": "通报.docx", "en-US": "Circular.docx" };

/** Windows refuses these names with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters of a file name, without its extension, beyond which names are cut (paths stay well under 260). */
const MAX_NAME = 80;

/**
 * A file name for a unit: characters no file system takes (\ / : * ? " < > | and control characters) become _,
 * trailing dots and spaces go, a reserved device name (CON, NUL …) gets a _, long names are cut; a name taken
 * already (compared as Windows does, ignoring case) gets " (2)", " (3)" ….
 */
export function safeFileName(unit: string, extension: string, taken: Set<string>): string {
  let base = unit.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").replace(/\s+/g, " ");
  base = base.replace(/[. ]+$/u, "").replace(/^[ ]+/u, "");
  if ([...base].length > MAX_NAME) base = [...base].slice(0, MAX_NAME).join("");
  if (base === "" || /^_+$/.test(base)) base = "_";
  if (RESERVED.test(base)) base = `${base}_`;
  let name = `${base}${extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${extension}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The circular as a Word file (通报.docx). */
export async function circularFile(report: Report, options: NotesOptions = {}): Promise<NoteFile> {
  const word = await import("../word");
  return {
    name: CIRCULAR_FILE[report.language],
    unit: null,
    bytes: await word.circularDocx(circularDocumentParts(report, options.assessment ?? null)),
  };
}

/** One unit's reminder as a Word file, or null when the unit has nothing to remind. */
export async function unitNoteFile(report: Report, unit: string, options: NotesOptions = {}): Promise<NoteFile | null> {
  const note = unitNotes(report, options).find((candidate) => candidate.unit === unit);
  if (!note) return null;
  const word = await import("../word");
  const taken = new Set([CIRCULAR_FILE[report.language].toLowerCase()]);
  return { name: safeFileName(note.unit, ".docx", taken), unit: note.unit, bytes: await word.reminderDocx(note.parts) };
}

/** Every Word file: the circular first, then one note per unit with something to remind. */
export async function noteFiles(report: Report, options: NotesOptions = {}): Promise<NoteFile[]> {
  const word = await import("../word");
  const taken = new Set<string>();
  const circular = await circularFile(report, options);
  taken.add(circular.name.toLowerCase());
  const files: NoteFile[] = [circular];
  for (const note of unitNotes(report, options)) {
    files.push({
      name: safeFileName(note.unit, ".docx", taken),
      unit: note.unit,
      bytes: await word.reminderDocx(note.parts),
    });
  }
  return files;
}

/** The MIME type of a .docx file (for a browser download). */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
