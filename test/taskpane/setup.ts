import "@testing-library/jest-dom";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size to reflow. Nothing resizes here.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, "ResizeObserver", { value: NoResizeObserver, configurable: true, writable: true });
}

// jsdom lacks TextDecoder / TextEncoder, which every browser has (src/xlsx decodes the .xlsx package with them).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeUtil = require("node:util") as typeof import("node:util");
if (typeof globalThis.TextDecoder === "undefined") {
  Object.assign(globalThis, { TextDecoder: nodeUtil.TextDecoder, TextEncoder: nodeUtil.TextEncoder });
}
