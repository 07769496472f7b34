// The table output formats: CSV (RFC 4180, with a header row) and JSON (an array of row objects).
import type { TableColumn, TableRow } from '../table';

export interface TableWriter {
  start(): string;
  rows(rows: TableRow[]): string;
  end(): string;
}

/**
 * One CSV cell. A text that a spreadsheet would run as a formula (it starts with "=", "+", "-", "@", a tab or a
 * carriage return) gets a leading "'", so that a crafted letter cannot put a formula into a researcher's
 * spreadsheet (OWASP "CSV injection"; the client's export does the same, client/exportFormats.ts); no real
 * letter's value starts so. A cell holding a comma, a quote or a line break is quoted, and its quotes doubled
 * (RFC 4180). Numbers and booleans are written as they are.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * `bom`: a UTF-8 byte-order mark first. Excel opens a CSV without one in the system's code page (Windows-1252), so
 * "®" shows as "Â®". Not the default: Python's csv (without encoding 'utf-8-sig') and R's read.csv read the mark
 * into the first column's name.
 */
export function csvWriter(columns: readonly TableColumn[], options: { bom?: boolean } = {}): TableWriter {
  const line = (fields: (string | number | boolean | null)[]) => fields.map(csvCell).join(',') + '\r\n';
  return {
    start: () => (options.bom ? '\ufeff' : '') + line([...columns]),
    rows: (rows) => rows.map((r) => line(columns.map((c) => r[c] ?? null))).join(''),
    end: () => '',
  };
}

export function jsonTableWriter(): TableWriter {
  let first = true;
  return {
    start: () => '[',
    rows: (rows) =>
      rows
        .map((r) => {
          const sep = first ? '\n' : ',\n';
          first = false;
          return sep + JSON.stringify(r);
        })
        .join(''),
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
