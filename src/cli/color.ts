/** ANSI colour, only when writing to a terminal and NO_COLOR is unset (https://no-color.org). */
export interface Paint {
  enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export function colourWanted(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  const noColor = env.NO_COLOR;
  return Boolean(isTTY) && (noColor === undefined || noColor === "");
}

export function createPaint(enabled: boolean): Paint {
  const wrap = (open: string, close: string) => (text: string) =>
    enabled && text !== "" ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    red: wrap("31", "39"),
    yellow: wrap("33", "39"),
    bold: wrap("1", "22"),
    dim: wrap("2", "22"),
  };
}
