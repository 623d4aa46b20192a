/**
 * Word documents (.docx) of the reminders and the circular, with the `docx` package (runs in Node and the
 * browser). The words come from the core (reminderParts, circularDocumentParts); this module only lays them out.
 * Loaded lazily (src/app/documents.ts): nothing here is in the pane's first bundle or the CLI's `check` path.
 */
import { Document, Packer, type Paragraph, type Table } from "docx";
import type { CircularDocumentParts } from "../core/circularDocument";
import type { ReminderParts } from "../core/reminders";
import {
  FONT_TABLE,
  PAGE,
  STYLES,
  blank,
  body,
  heading,
  pageNumberFooter,
  subheading,
  subtitle,
  table,
  title,
} from "./layout";

async function pack(children: (Paragraph | Table)[], documentTitle: string): Promise<Uint8Array> {
  const document = new Document({
    title: documentTitle,
    creator: "Fengong",
    styles: STYLES,
    sections: [
      {
        properties: { page: { size: PAGE.size, margin: PAGE.margin } },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.pack(document, "uint8array", false, [{ path: "word/fontTable.xml", data: FONT_TABLE }]);
}

/** Field list of a reminder item in one sentence: 承担角色：牵头；完成时限：…；当前进展：…。 */
function fieldSentence(fields: ReminderParts["items"][number]["fields"], chinese: boolean): string {
  const parts = fields.map(
    (field) => `${field.label}${chinese ? "：" : ": "}${field.value.replace(/[。.;；]+$/u, "")}`,
  );
  return parts.join(chinese ? "；" : "; ") + (chinese ? "。" : ".");
}

/** One unit's reminder (督办通知单) as a .docx. */
export async function reminderDocx(parts: ReminderParts): Promise<Uint8Array> {
  const chinese = /[\u3400-\u9fff]/u.test(parts.title);
  const children: (Paragraph | Table)[] = [
    title(parts.title),
    body(parts.addressee, { indent: false }),
    body(parts.opening),
    heading(parts.itemsHeading),
  ];
  for (const item of parts.items) {
    children.push(subheading(item.heading), body(fieldSentence(item.fields, chinese)));
  }
  children.push(heading(parts.requirementsHeading), ...parts.requirements.map((line) => body(line)));
  children.push(heading(parts.feedbackHeading), body(parts.feedback));
  children.push(blank(), body(parts.signature, { align: "right", indent: false }));
  return pack(children, `${parts.title} ${parts.addressee}`);
}

/** The circular (通报) as a .docx, its tables as real Word tables. */
export async function circularDocx(parts: CircularDocumentParts): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [title(parts.title), subtitle(parts.subtitle)];
  for (const section of parts.sections) {
    children.push(heading(section.heading), ...section.paragraphs.map((text) => body(text)));
    if (section.table) {
      children.push(table(section.table.header, section.table.rows, section.table.widths));
      children.push(blank());
    }
    for (const text of section.after ?? []) children.push(body(text));
  }
  children.push(body(parts.closing), blank(), body(parts.date, { align: "right", indent: false }));
  return pack(children, parts.title);
}
