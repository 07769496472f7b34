// The decision table as CSV, JSON and Markdown; pure, so tests run without VS Code.
import type { LetterSummary } from '../core/summary/letterSummary';
import { conclusionLabels, decisionLabel } from '../core/summary/letterSummary';
import { groundLabel } from '../core/summary/grounds';

export type ExportFormat = 'csv' | 'json' | 'markdown';
export const exportFormats: readonly ExportFormat[] = ['csv', 'json', 'markdown'];
export const exportExtensions: Record<ExportFormat, string> = { csv: 'csv', json: 'json', markdown: 'md' };

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

const columns = ['Case number', 'Item', 'Service', 'Decision', 'Guideline', 'Conclusion', 'Grounds', 'Checks', 'Rationale'] as const;

function tableRows(summaries: readonly LetterSummary[]): string[][] {
  return summaries.flatMap((s) =>
    s.items.map((row) => [
      s.caseNumber ?? '',
      String(row.index + 1),
      row.service,
      decisionLabel(row),
      row.guideline,
      conclusionLabels[row.conclusion],
      row.grounds.map(groundLabel).join('; '),
      row.checks.join('; '),
      row.rationaleStart,
    ]),
  );
}

export function formatExport(format: ExportFormat, summaries: readonly LetterSummary[]): string {
  switch (format) {
    case 'csv':
      return toCsv(summaries);
    case 'json':
      return toJson(summaries);
    case 'markdown':
      return toMarkdown(summaries);
  }
}

/** RFC 4180 CSV with CRLF line ends; cells that a spreadsheet would run as a formula get a leading quote (as in the
 *  CLI's table, cli/formats/tableWriters.ts, which the client may not import). */
export function toCsv(summaries: readonly LetterSummary[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [columns as readonly string[], ...tableRows(summaries)].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function toJson(summaries: readonly LetterSummary[]): string {
  const letters = summaries.map((s) => ({
    file: s.name,
    caseNumber: s.caseNumber ?? null,
    decisionDate: s.decisionDate ?? null,
    applicationReceived: s.applicationReceived ?? null,
    daysToDecision: s.timeline.applicationToDecision ?? null,
    upheld: s.upheld,
    overturned: s.overturned,
    items: s.items.map((row) => ({
      item: row.index + 1,
      service: row.service,
      title: row.title,
      decision: row.decision ?? null,
      guideline: row.guideline,
      conclusion: row.conclusion,
      grounds: row.grounds,
      checks: row.checks,
      rationale: row.rationaleStart,
    })),
  }));
  return `${JSON.stringify(summaries.length === 1 ? letters[0] : { letters }, null, 2)}\n`;
}

/** A GitHub-flavoured Markdown table; pipes, backslashes and HTML in cells are escaped. */
export function toMarkdown(summaries: readonly LetterSummary[]): string {
  const cell = (value: string) =>
    value
      .replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`)
      .replace(/\s+/g, ' ')
      .trim();
  const lines: string[] = [];
  const only = summaries.length === 1 ? summaries[0] : undefined;
  const heading = only ? (only.caseNumber ? `${only.caseNumber} (${only.name})` : only.name) : `${summaries.length} letters`;
  const count = (f: (s: LetterSummary) => number) => summaries.reduce((n, s) => n + f(s), 0);
  lines.push(`## ${cell(heading)}`, '');
  lines.push(`${count((s) => s.items.length)} items: ${count((s) => s.upheld)} upheld, ${count((s) => s.overturned)} overturned`, '');
  lines.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => ' --- ').join('|')}|`);
  for (const r of tableRows(summaries)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
