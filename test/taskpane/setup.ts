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
