// The summary command's report: the folder summary's counts (core/summary/folderStats.ts, as the extension's panel
// shows them) as Markdown for people and JSON for programs.
import type { Breakdown, StatsRow } from '../../core/summary/folderStats';
import { breakdownNotes, breakdownTitles, breakdowns, overturnedShare, withSurgery } from '../../core/summary/folderStats';
import { notStated } from '../../core/summary/folderRows';
import { plural } from './plural';
import { escapeMarkdown } from '../../core/text/markdown';
import { copiesText, type Copy } from '../../core/summary/copies';

export interface SummaryReport {
  letters: number;
  items: number;
  upheld: number;
  overturned: number;
  /** Items whose decision is neither word (a typo, none). */
  undecided: number;
  breakdowns: { id: Breakdown['id']; title: string; groups: { label: string; items: number; upheld: number; overturned: number }[]; hidden: number }[];
  /** Files left out as copies of a letter counted already. */
  copies: { file: string; of: string }[];
}

export function summaryReport(letters: number, rows: readonly StatsRow[], copies: readonly Copy[] = []): SummaryReport {
  const upheld = rows.filter((r) => r.decision === 'Upheld').length;
  const overturned = rows.filter((r) => r.decision === 'Overturned').length;
  return {
    letters,
    items: rows.length,
    upheld,
    overturned,
    undecided: rows.length - upheld - overturned,
    // Every breakdown, in the same order, whatever the letters: a program reads the same shape from any folder.
    breakdowns: breakdowns(rows).map((b) => ({
      id: b.id,
      title: breakdownTitles[b.id],
      groups: b.groups.map(({ label, items, upheld: u, overturned: o }) => ({ label, items, upheld: u, overturned: o })),
      hidden: b.hidden,
    })),
    copies: copies.map((c) => ({ file: c.name, of: c.of })),
  };
}

/** A table cell: a letter's words may hold a pipe or a line break, which would break the table. */
/** Text from the letters (a service, a section) as Markdown that shows exactly it, in a table cell or a line. */
function cell(text: string): string {
  return escapeMarkdown(text.trim());
}

export function summaryMarkdown(report: SummaryReport): string {
  const lines = [`# Decisions in ${plural(report.letters, 'letter')}`, ''];
  const undecided = report.undecided > 0 ? `, ${report.undecided} with no decision` : '';
  const overall = overturnedShare(report);
  lines.push(`${plural(report.items, 'disputed item')}: ${report.upheld} upheld, ${report.overturned} overturned${undecided}${overall ? ` (${overall} overturned)` : ''}.`);
  if (report.copies.length > 0) lines.push('', cell(copiesText(report.copies.map((c) => ({ name: c.file, of: c.of })))));
  for (const b of report.breakdowns) {
    if (!saysSomething(b)) continue;
    lines.push('', `## ${b.title}`, '', `| ${b.title} | Items | Upheld | Overturned | % overturned |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const g of b.groups) lines.push(`| ${cell(g.label)} | ${g.items} | ${g.upheld} | ${g.overturned} | ${overturnedShare(g)} |`);
    if (b.groups.length === 0) lines.push('| (none) | | | | |');
    const note = breakdownNotes[b.id];
    if (note) lines.push('', note);
    if (b.hidden > 0) lines.push('', `And ${plural(b.hidden, 'more group')} (every item: \`imr-letters table\`).`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Whether a breakdown is worth a table for people, as the panel shows it (shownBreakdowns): the one by surgery only
 * when some item goes with a surgery, the one by days only when some letter dates both ends.
 */
function saysSomething(b: SummaryReport['breakdowns'][number]): boolean {
  if (b.id === 'surgery') return b.groups.some((g) => g.label === withSurgery);
  if (b.id === 'turnaround') return b.groups.some((g) => g.label !== notStated);
  return true;
}

export function summaryJson(report: SummaryReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
