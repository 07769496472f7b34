// Dates as letters write them ("11/18/2016", "11/18/16", "October 10, 2015") turned into ISO dates.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A regular expression source that matches one date in either form. */
export const DATE_PATTERN =
  '(?:\\d{1,2} ?[-/] ?\\d{1,2} ?[-/] ?(?:\\d{4}|\\d{2})\\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.? \\d{1,2}, ?\\d{4})';

/** The ISO date (YYYY-MM-DD) of a date as written, or undefined when it is not a valid date. */
export function toIsoDate(text: string): string | undefined {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  // The common form, "11/18/2016", read without a regular expression: letters hold several dates each.
  if (isPlainSlashDate(t)) {
    const year = twoDigits(t, 6) * 100 + twoDigits(t, 8);
    const month = twoDigits(t, 0);
    const day = twoDigits(t, 3);
    // Its digits are already the ISO date's, zero-padded: sliced rather than formatted from numbers.
    if (!isValidDate(year, month, day)) return undefined;
    return `${t.slice(6, 10)}-${t.slice(0, 2)}-${t.slice(3, 5)}`;
  }
  const numeric = /^(\d{1,2}) ?[-/] ?(\d{1,2}) ?[-/] ?(\d{4}|\d{2})$/.exec(t);
  if (numeric) {
    m = Number(numeric[1]);
    d = Number(numeric[2]);
    y = Number(numeric[3]);
    if (numeric[3].length === 2) y += y >= 70 ? 1900 : 2000;
  } else {
    const named = /^([A-Za-z]+)\.? (\d{1,2}), ?(\d{4})$/.exec(t);
    if (!named) return undefined;
    const name = named[1].toLowerCase();
    const index = MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3)) && month.startsWith(name));
    if (index < 0) return undefined;
    m = index + 1;
    d = Number(named[2]);
    y = Number(named[3]);
  }
  return validIso(y, m, d);
}

function validIso(y: number, m: number, d: number): string | undefined {
  if (!isValidDate(y, m, d)) return undefined;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function isValidDate(y: number, m: number, d: number): boolean {
  return !(m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900 || y > 2200);
}

/** Whether `text` is exactly a date written "11/18/2016": two digits, slash, two digits, slash, four digits. */
export function isPlainSlashDate(text: string): boolean {
  return (
    text.length === 10 &&
    text.charCodeAt(2) === 47 &&
    text.charCodeAt(5) === 47 &&
    twoDigits(text, 0) >= 0 &&
    twoDigits(text, 3) >= 0 &&
    twoDigits(text, 6) >= 0 &&
    twoDigits(text, 8) >= 0
  );
}

/** The number written by the two ASCII digits at `at`, or -1 when they are not both digits. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// Arithmetic rather than a Date object: toIsoDate runs for every date of every letter.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** An ISO date (YYYY-MM-DD) moved by whole days; undefined for a text that is not one. */
export function addDays(isoDate: string, days: number): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
