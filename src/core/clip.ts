/** Cutting a text short for quoting. No dependencies: any chunk may import it. */

/**
 * At most `max` characters (code points, so a surrogate pair is never split), ending with "……" when cut:
 * a cell's text quoted in a message or a circular stays readable, whatever the cell holds.
 */
export function clip(text: string, max: number): string {
  if (typeof text !== "string") return "";
  if (text.length <= max) return text;
  let end = 0;
  for (let count = 0; count < max && end < text.length; count++) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}……`;
}
