// The summary command's report: the folder summary's counts (core/summary/folderStats.ts, as the extension's panel
// shows them) as Markdown for people and JSON for programs.
import type { Breakdown, StatsRow } from '../../core/summary/folderStats';
import { breakdowns, breakdownTitles } from '../../core/summary/folderStats';

export interface SummaryReport {
  letters: number;
  items: number;
  upheld: number;
  overturned: number;
  /** Items whose decision is neither word (a typo, none). */
  undecided: number;
  breakdowns: { id: Breakdown['id']; title: string; groups: { label: string; items: number; upheld: number; overturned: number }[]; hidden: number }[];
}

export function summaryReport(letters: number, rows: readonly StatsRow[]): SummaryReport {
  const upheld = rows.filter((r) => r.decision === 'Upheld').length;
  const overturned = rows.filter((r) => r.decision === 'Overturned').length;
  return {
    letters,
    items: rows.length,
    upheld,
    overturned,
    undecided: rows.length - upheld - overturned,
    breakdowns: breakdowns(rows).map((b) => ({
      id: b.id,
      title: breakdownTitles[b.id],
      groups: b.groups.map(({ label, items, upheld: u, overturned: o }) => ({ label, items, upheld: u, overturned: o })),
      hidden: b.hidden,
    })),
  };
}

/** Overturned, of the items upheld or overturned, as the panel shows it. */
function share(overturned: number, upheld: number): string {
  const decided = overturned + upheld;
  return decided === 0 ? '' : `${Math.round((100 * overturned) / decided)}%`;
}

/** A table cell: a letter's words may hold a pipe or a line break, which would break the table. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function summaryMarkdown(report: SummaryReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [`# Decisions in ${plural(report.letters, 'letter')}`, ''];
  const undecided = report.undecided > 0 ? `, ${report.undecided} with no decision` : '';
  const overall = share(report.overturned, report.upheld);
  lines.push(`${plural(report.items, 'disputed item')}: ${report.upheld} upheld, ${report.overturned} overturned${undecided}${overall ? ` (${overall} overturned)` : ''}.`);
  for (const b of report.breakdowns) {
    lines.push('', `## ${b.title}`, '', `| ${b.title} | Items | Upheld | Overturned | % overturned |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const g of b.groups) lines.push(`| ${cell(g.label)} | ${g.items} | ${g.upheld} | ${g.overturned} | ${share(g.overturned, g.upheld)} |`);
    if (b.groups.length === 0) lines.push('| (none) | | | | |');
    if (b.hidden > 0) lines.push('', `And ${plural(b.hidden, 'more group')} (every item: \`imr-letters table\`).`);
  }
  return lines.join('\n') + '\n';
}

export function summaryJson(report: SummaryReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
