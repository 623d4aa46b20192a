/** Excel date serials and JavaScript dates, converted exactly as exceljs converted them (the reader's
 * date-formatted numbers must equal what the exceljs oracle in test/xlsx/oracle gives). */

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL_1900 = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/**
 * exceljs turns a serial into a Date at UTC midnight (plus the time of day); this is the exact inverse,
 * done on UTC milliseconds so the process time zone never matters.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return NaN;
  const days = Math.floor(ms / MS_PER_DAY);
  const fraction = (ms - days * MS_PER_DAY) / MS_PER_DAY;
  return days + UNIX_EPOCH_SERIAL_1900 - (date1904 ? DATE1904_OFFSET : 0) + fraction;
}

/** A serial number (1900 system) as a Date at UTC midnight (plus time), the way exceljs writes dates. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL_1900) * MS_PER_DAY));
}
