// The table output formats: CSV (RFC 4180, with a header row; core/text/csv.ts) and JSON (an array of row objects).
import { csvCell } from '../../core/text/csv';
import { tableColumns } from '../table';
import type { TableRow } from '../table';

export interface TableWriter {
  start(): string;
  rows(rows: TableRow[]): string;
  end(): string;
}

export function csvWriter(): TableWriter {
  const line = (fields: (string | number | boolean | null)[]) => fields.map(csvCell).join(',') + '\r\n';
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
