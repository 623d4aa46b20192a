/**
 * Workbook text on its way to a terminal. A cell, a sheet name or a file name may hold control characters
 * (ESC, CSI U+009B, BEL, a lone carriage return …) that would drive the terminal — move the cursor, clear the
 * screen, retitle the window — when printed. For people they are stripped; in JSON they are escaped.
 */

/** C0 controls except tab and line feed, DEL, and the C1 controls (U+0080–U+009F). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print: CR LF becomes LF, every other control character (tab and LF aside) is dropped. */
export function terminalText(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(CONTROL, "");
}

/** DEL and C1 controls, which JSON.stringify writes raw (it escapes only U+0000–U+001F). */
const RAW_IN_JSON = /[\u007f-\u009f]/g;

/**
 * JSON text with DEL and the C1 controls escaped (\u009b): the same value for a JSON reader, and nothing a
 * terminal acts on when the JSON is printed. JSON.stringify already escapes C0 controls.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
