/**
 * Errors as Office.js throws them: an object with `code`, `message` and `debugInfo` ({ code, message,
 * errorLocation }). The gateway recognises them by shape, as it must with the real OfficeExtension.Error.
 */
export class DoubleOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation = "",
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export const officeError = (code: string, message: string, location = ""): DoubleOfficeError =>
  new DoubleOfficeError(code, message, location);

/** Reading a property that was not loaded and synced: Office.js throws PropertyNotLoaded. */
export const notLoaded = (type: string, property: string): DoubleOfficeError =>
  new DoubleOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
