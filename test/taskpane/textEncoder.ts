/** jsdom has no TextEncoder; the Excel double measures requests with it. Imported first by the tests that need it. */
import { TextEncoder } from "node:util";

if (typeof globalThis.TextEncoder === "undefined") {
  Object.defineProperty(globalThis, "TextEncoder", { value: TextEncoder, configurable: true, writable: true });
}
