import { copyToClipboard, fallbackCopy, type ClipboardEnv } from "../../src/taskpane/clipboard";

/** Replace document.execCommand with a fake that fires the copy event like a browser, with a clipboardData. */
function fakeExecCommand(result = true) {
  const data = new Map<string, string>();
  const selected: string[] = [];
  const exec = jest.fn((command: string) => {
    if (command !== "copy") return false;
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement)
      selected.push(active.value.slice(active.selectionStart, active.selectionEnd));
    const event = new Event("copy", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, "clipboardData", {
      value: { setData: (type: string, value: string) => data.set(type, value) },
    });
    document.dispatchEvent(event);
    return result;
  });
  Object.defineProperty(document, "execCommand", { value: exec, configurable: true, writable: true });
  return { exec, data, selected };
}

const env = (patch: Partial<ClipboardEnv> = {}): ClipboardEnv => ({ document, secure: true, ...patch });

afterEach(() => {
  delete (document as { execCommand?: unknown }).execCommand;
});

describe("fallbackCopy", () => {
  it("selects a textarea with the text, copies text and HTML, and cleans up", () => {
    const { exec, data, selected } = fakeExecCommand();
    const button = document.createElement("button");
    document.body.appendChild(button);
    button.focus();
    expect(fallbackCopy({ text: "单位\t牵头", html: "<table></table>" }, document)).toBe(true);
    expect(exec).toHaveBeenCalledWith("copy");
    expect(selected).toEqual(["单位\t牵头"]);
    expect(data.get("text/plain")).toBe("单位\t牵头");
    expect(data.get("text/html")).toBe("<table></table>");
    expect(document.querySelector("textarea")).toBeNull();
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it("reports failure when the browser refuses or has no execCommand", () => {
    fakeExecCommand(false);
    expect(fallbackCopy({ text: "x" }, document)).toBe(false);
    delete (document as { execCommand?: unknown }).execCommand;
    expect(fallbackCopy({ text: "x" }, document)).toBe(false);
  });
});

describe("copyToClipboard", () => {
  it("uses the fallback synchronously when there is no Clipboard API (Excel on the web)", async () => {
    const { exec } = fakeExecCommand();
    const outcome = copyToClipboard({ text: "通报" }, env());
    expect(exec).toHaveBeenCalledTimes(1); // Before any await: still inside the click.
    await expect(outcome).resolves.toBe("fallback");
  });

  it("uses the fallback when the permissions policy forbids clipboard-write", async () => {
    const { exec } = fakeExecCommand();
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(document, "permissionsPolicy", { value: { allowsFeature: () => false }, configurable: true });
    try {
      await expect(
        copyToClipboard({ text: "通报" }, env({ clipboard: { writeText, write: jest.fn() } })),
      ).resolves.toBe("fallback");
      expect(writeText).not.toHaveBeenCalled();
      expect(exec).toHaveBeenCalled();
    } finally {
      delete (document as { permissionsPolicy?: unknown }).permissionsPolicy;
    }
  });

  it("writes text with the Clipboard API where allowed", async () => {
    const { exec } = fakeExecCommand();
    const writeText = jest.fn(async () => undefined);
    await expect(copyToClipboard({ text: "通报" }, env({ clipboard: { writeText, write: jest.fn() } }))).resolves.toBe(
      "clipboard",
    );
    expect(writeText).toHaveBeenCalledWith("通报");
    expect(exec).not.toHaveBeenCalled();
  });

  it("writes HTML and tab text as one ClipboardItem", async () => {
    const items: Record<string, Blob>[] = [];
    class FakeItem {
      constructor(readonly parts: Record<string, Blob>) {
        items.push(parts);
      }
    }
    const write = jest.fn(async () => undefined);
    const outcome = await copyToClipboard(
      { text: "a\tb", html: "<table><tr><td>a</td></tr></table>" },
      env({ clipboard: { writeText: jest.fn(), write }, ClipboardItem: FakeItem as unknown as typeof ClipboardItem }),
    );
    expect(outcome).toBe("clipboard");
    expect(Object.keys(items[0]).sort()).toEqual(["text/html", "text/plain"]);
    expect(items[0]["text/html"].type).toBe("text/html");
  });

  it("falls back when the Clipboard API rejects, and reports failure when both fail", async () => {
    const { exec } = fakeExecCommand();
    const writeText = jest.fn(async () => Promise.reject(new Error("NotAllowedError")));
    await expect(copyToClipboard({ text: "通报" }, env({ clipboard: { writeText, write: jest.fn() } }))).resolves.toBe(
      "fallback",
    );
    expect(exec).toHaveBeenCalled();
    fakeExecCommand(false);
    await expect(copyToClipboard({ text: "通报" }, env({ clipboard: { writeText, write: jest.fn() } }))).resolves.toBe(
      "failed",
    );
  });

  it("does not use the Clipboard API outside a secure context, nor for HTML without ClipboardItem", async () => {
    fakeExecCommand();
    const writeText = jest.fn(async () => undefined);
    const write = jest.fn(async () => undefined);
    await expect(copyToClipboard({ text: "x" }, env({ secure: false, clipboard: { writeText, write } }))).resolves.toBe(
      "fallback",
    );
    await expect(
      copyToClipboard({ text: "x", html: "<b>x</b>" }, env({ clipboard: { writeText, write } })),
    ).resolves.toBe("fallback");
    expect(writeText).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});
