// Which of a letter's diagnostics concern which of its items: those that start within an item's range (from its
// title through its rationale: a problem of an item points at its title, a paragraph or words of its rationale); the
// rest (a missing section, the header's dates) are the letter's. The letter's panel lists each item's under it (VS
// Code's diagnostics of the letter), folderLetterOf keeps their rule ids for the folder summary and `imr-letters
// summary`, and `imr-letters table` writes them in the column `checks`.
import type { Position, Range } from '../model';
import type { LetterSummary } from './letterSummary';

export type CheckSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic as the summary panel shows it. */
export interface Check {
  /** The rule's id. */
  code: string;
  severity: CheckSeverity;
  message: string;
}

/** A letter's checks for its panel: each item's, by the item's index, and the letter's own. */
export interface LetterChecks {
  items: ReadonlyMap<number, readonly Check[]>;
  letter: readonly Check[];
}

/** How a check's severity is named where it is shown. */
export const checkSeverityLabels: Record<CheckSeverity, string> = { error: 'Error', warning: 'Warning', information: 'Note', hint: 'Hint' };

/** A letter's summary whose rows name the rules of their checks (a letter's exports: its model has none). */
export function withCheckIds(summary: LetterSummary, checks: LetterChecks): LetterSummary {
  return { ...summary, items: summary.items.map((row) => ({ ...row, checks: [...new Set(checks.items.get(row.index)?.map((c) => c.code) ?? [])] })) };
}

export interface ItemChecks<D> {
  /** Per item, in the order of `items`, its diagnostics in the order given. */
  items: D[][];
  /** Those within no item. */
  letter: D[];
}

export function checksByItem<D extends { range: Range }>(items: readonly { range: Range }[], diagnostics: readonly D[]): ItemChecks<D> {
  const byItem: D[][] = items.map(() => []);
  const letter: D[] = [];
  const itemAt = inOrder(items) ? (p: Position) => orderedItemAt(items, p) : (p: Position) => items.findIndex((item) => contains(item.range, p));
  for (const d of diagnostics) {
    const at = itemAt(d.range.start);
    if (at >= 0) byItem[at].push(d);
    else letter.push(d);
  }
  return { items: byItem, letter };
}

function contains(range: Range, p: Position): boolean {
  return before(range.start, p) && before(p, range.end);
}

/** Whether the items follow one another without overlapping (the parser's always do); a touching end is allowed. */
function inOrder(items: readonly { range: Range }[]): boolean {
  for (let i = 0; i < items.length; i++) {
    if (!before(items[i].range.start, items[i].range.end)) return false;
    if (i > 0 && !before(items[i - 1].range.end, items[i].range.start)) return false;
  }
  return true;
}

/** The first item holding p, found by halving (a search through every item for every diagnostic was quadratic in a
 *  letter of thousands of items): the last item starting at or before p, or the one before it when they touch. */
function orderedItemAt(items: readonly { range: Range }[], p: Position): number {
  let low = 0;
  let high = items.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (before(items[mid].range.start, p)) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  while (last > 0 && contains(items[last - 1].range, p)) last--;
  return last >= 0 && contains(items[last].range, p) ? last : -1;
}

/** Whether a comes before b or is b. (core/summary takes only types from the rest of the core: no comparePositions.) */
function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
