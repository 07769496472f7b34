// The table output formats: CSV (RFC 4180, with a header row) and JSON (an array of row objects).
import { tableColumns } from '../table';
import type { TableRow } from '../table';

export interface TableWriter {
  start(): string;
  rows(rows: TableRow[]): string;
  end(): string;
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, and its quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvWriter(): TableWriter {
  const line = (fields: (string | number | boolean | null)[]) => fields.map(csvField).join(',') + '\r\n';
  return {
    start: () => line([...tableColumns]),
    rows: (rows) => rows.map((r) => line(tableColumns.map((c) => r[c]))).join(''),
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
