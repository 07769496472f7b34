// CSV cells (RFC 4180) for the tables the CLI prints and the client exports.

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (it starts with "=", "+", "-", "@", a tab or a
 * carriage return) gets a leading "'", so that a crafted letter cannot put a formula into a researcher's
 * spreadsheet (OWASP "CSV injection"); no real letter's value starts so. A cell holding a comma, a quote or a
 * line break is quoted, and its quotes doubled. Numbers and booleans are written as they are.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
