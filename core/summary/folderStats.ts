// What the folder summary counts and filters: its breakdowns (by the reviewer's guideline, the guideline section, the
// grounds read in the rationale, the claims administrator's guideline, specialty, decision year, days to decision,
// service, surgery) and the rows a filter keeps. Pure, so tests run without VS Code.
import type { FolderRow } from './folderRows';
import { groundKinds, groundLabel, noGroundRead } from './grounds';
import { conclusionLabels, noneCited, notRead } from './letterSummary';
import { turnaroundGroups } from './timeline';

export const breakdownIds = ['guideline', 'section', 'grounds', 'claims', 'specialty', 'year', 'turnaround', 'service', 'surgery', 'checks'] as const;
export type BreakdownId = (typeof breakdownIds)[number];

/** What a reader of a breakdown must know to read its counts right. */
export const breakdownNotes: Partial<Record<BreakdownId, string>> = {
  section: 'An item decided on two sections counts in both.',
  grounds:
    "Read from the rationale's sentences about the case, by their wording (\"there is no documentation of objective functional improvement\"); the guideline's own words, restated or quoted, are not. An item giving two grounds counts in both; grounds put in other words are not read.",
  turnaround:
    "From the application's receipt to the decision date, as the header gives them. The 30 days the statute allows a standard review run from the receipt of the application and its records, which the letters do not date.",
  checks:
    "The lint rules that find a problem in the item, as the Problems view lists them (an error, a warning, or a note such as a citation the knowledge base does not know); an item with two counts in both. Rules turned off (imr.rules in VS Code; .imr-letters.json or --rule on the command line) are left out.",
  surgery:
    'Items that go with a surgery: a clearance, an assistant, an associated service or post-operative therapy, decided with the surgery above them in the same letter, often in one sentence. Without them, each surgery counts once.',
};

export const breakdownTitles: Record<BreakdownId, string> = {
  guideline: "Reviewer's guideline",
  section: "Reviewer's guideline section",
  grounds: 'Grounds read in the rationale',
  claims: "Claims administrator's guideline",
  specialty: "Reviewer's specialty",
  year: 'Decision year',
  turnaround: 'Days from application to decision',
  service: 'Service',
  surgery: 'Decided with a surgery',
  checks: 'Problems the checks find',
};

/** The group of the items in which no rule finds a problem. */
export const noProblemFound = 'No problem found';

/** The groups of the surgery breakdown. */
export const withSurgery = 'Goes with a surgery';
export const onItsOwn = 'Decided on its own';

export const decisionFilters = ['all', 'Upheld', 'Overturned', 'other'] as const;
export type DecisionFilter = (typeof decisionFilters)[number];

export interface FolderFilter {
  /** Words that must all appear (any case) in the row's file, case number, service, title, guideline, conclusion, grounds or checks. */
  text: string;
  decision: DecisionFilter;
  /** At most one group per breakdown, e.g. { guideline: 'ODG', year: '2016' }. */
  groups: Partial<Record<BreakdownId, string>>;
}

export const noFilter: FolderFilter = { text: '', decision: 'all', groups: {} };

export interface GroupCount {
  key: string;
  /** How the group is named on the page: a service group by its first row's wording. */
  label: string;
  items: number;
  upheld: number;
  overturned: number;
}

export interface Breakdown {
  id: BreakdownId;
  groups: GroupCount[];
  /** Groups left out (only the largest are shown of a breakdown with many). */
  hidden: number;
}

/** The share overturned, of the items upheld or overturned ("25%"); empty when none was either. */
export function overturnedShare(counts: { upheld: number; overturned: number }): string {
  const decided = counts.upheld + counts.overturned;
  return decided === 0 ? '' : `${Math.round((100 * counts.overturned) / decided)}%`;
}

/** Services vary freely ("MRI of the lumbar spine", "Lumbar MRI"): only the most frequent are listed. */
const maxGroups: Record<BreakdownId, number> = {
  guideline: 12,
  section: 15,
  grounds: groundKinds.length + 1,
  claims: 12,
  specialty: 12,
  year: 30,
  turnaround: turnaroundGroups.length,
  service: 15,
  surgery: 2,
  // One group per rule, and the items without a problem.
  checks: 30,
};

/** What the breakdowns count of a row (the command line's summary sends no more from its workers). */
export type StatsRow = Pick<
  FolderRow,
  'decision' | 'guidelineBasis' | 'claimsBasis' | 'sections' | 'grounds' | 'specialty' | 'year' | 'turnaround' | 'service' | 'serviceKind' | 'surgery' | 'checks'
>;

/** An item whose reviewer cited no section the knowledge base knows. */
export const noSectionKnown = 'Not in the knowledge base';

/**
 * The groups a row counts in: one per breakdown, but one per section cited for the sections (an item decided on two
 * sections counts in both), one per ground read for the grounds, and one per rule that finds a problem for the checks.
 */
export function groupKeys(row: StatsRow, by: BreakdownId): readonly string[] {
  if (by === 'grounds') return row.grounds.length > 0 ? row.grounds.map(groundLabel) : [noGroundRead];
  if (by === 'checks') return row.checks.length > 0 ? row.checks : [noProblemFound];
  if (by !== 'section') return [groupKey(row, by)];
  if (row.sections.length > 0) return row.sections;
  // Nothing cited, or cited in words not read: the same group as in the guideline breakdown. Only citations read
  // but not found are "not in the knowledge base".
  return [row.guidelineBasis === noneCited || row.guidelineBasis === notRead ? row.guidelineBasis : noSectionKnown];
}

/** The group of a single-valued breakdown (every breakdown but the sections, the grounds and the checks: their first). */
export function groupKey(row: StatsRow, by: BreakdownId): string {
  switch (by) {
    case 'guideline':
      return row.guidelineBasis;
    case 'section':
    case 'grounds':
    case 'checks':
      return groupKeys(row, by)[0];
    case 'claims':
      return row.claimsBasis;
    case 'specialty':
      return row.specialty;
    case 'year':
      return row.year;
    case 'turnaround':
      return row.turnaround;
    case 'service':
      return row.serviceKind ?? sameServiceKey(row.service);
    case 'surgery':
      return row.surgery ? withSurgery : onItsOwn;
  }
}

/** The same words, whatever the case and spacing: what copies.ts compares of two letters' items. (The service groups
 *  and the precedents compare the kind of service: core/text/serviceWords.ts.) */
export function sameServiceKey(service: string): string {
  return service.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The order of a breakdown's groups: years and turnarounds in their own order, the others the largest first. */
function groupOrder(id: BreakdownId): (a: GroupCount, b: GroupCount) => number {
  if (id === 'year') return (a, b) => a.key.localeCompare(b.key);
  if (id === 'turnaround') return (a, b) => rank(a.key) - rank(b.key);
  return (a, b) => b.items - a.items || a.key.localeCompare(b.key);
}

const rank = (key: string) => (turnaroundGroups as readonly string[]).indexOf(key);

/** The counts of each breakdown over the rows: groups by size (years and turnarounds in order), the largest first. */
export function breakdowns(rows: readonly StatsRow[]): Breakdown[] {
  return breakdownIds.map((id) => {
    const groups = new Map<string, GroupCount>();
    // A service group gathers several wordings: it is named by its most frequent one.
    const wordings = new Map<string, Map<string, number>>();
    for (const row of rows) {
      for (const key of groupKeys(row, id)) {
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { key, label: key, items: 0, upheld: 0, overturned: 0 }));
        g.items++;
        if (row.decision === 'Upheld') g.upheld++;
        else if (row.decision === 'Overturned') g.overturned++;
        if (id === 'service') countWording(wordings, key, row.service);
      }
    }
    for (const [key, counts] of wordings) groups.get(key)!.label = mostFrequent(counts);
    const sorted = [...groups.values()].sort(groupOrder(id));
    const shown = id === 'year' ? sorted.slice(-maxGroups[id]) : sorted.slice(0, maxGroups[id]);
    return { id, groups: shown, hidden: sorted.length - shown.length };
  });
}

/**
 * The breakdowns a page shows of the kept rows: the one by surgery only when some item of the folder goes with a
 * surgery, the one by days to decision only when some letter dates both (without, each has one group, every item
 * "Decided on its own" or "Not stated", which says nothing).
 */
export function shownBreakdowns(all: readonly StatsRow[], kept: readonly StatsRow[]): Breakdown[] {
  const withSurgeries = all.some((r) => r.surgery !== undefined);
  const withDates = all.some((r) => r.turnaround !== 'Not stated');
  return breakdowns(kept).filter((b) => (b.id !== 'surgery' || withSurgeries) && (b.id !== 'turnaround' || withDates));
}

/** How a group is named on the page (as in GroupCount.label). */
export function groupLabel(rows: readonly FolderRow[], by: BreakdownId, key: string): string {
  if (by !== 'service') return key;
  const wordings = new Map<string, Map<string, number>>();
  for (const r of rows) if (groupKey(r, by) === key) countWording(wordings, key, r.service);
  const counts = wordings.get(key);
  return counts ? mostFrequent(counts) : key;
}

function countWording(wordings: Map<string, Map<string, number>>, key: string, service: string): void {
  let counts = wordings.get(key);
  if (!counts) wordings.set(key, (counts = new Map()));
  const wording = service.replace(/\s+/g, ' ').trim();
  counts.set(wording, (counts.get(wording) ?? 0) + 1);
}

/** The wording counted most often; of equals, the shortest (the least particular: "Cyclobenzaprine" rather than
 *  "Cyclobenzaprine 7.5mg #27"), then the first met. */
function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [wording, n] of counts) {
    if (n > most || (n === most && wording.length < best.length)) {
      best = wording;
      most = n;
    }
  }
  return best;
}

function decisionMatches(row: FolderRow, decision: DecisionFilter): boolean {
  if (decision === 'all') return true;
  if (decision === 'other') return row.decision === undefined;
  return row.decision === decision;
}

/** What the filter's words are looked for in, lower case; made once per row, as each keystroke filters anew. */
const searchTexts = new WeakMap<FolderRow, string>();
function searchText(row: FolderRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = [row.file, row.caseNumber ?? '', row.service, row.title, row.guideline, conclusionLabels[row.conclusion], ...row.grounds.map(groundLabel), ...row.checks]
      .join('\n')
      .toLowerCase();
    searchTexts.set(row, text);
  }
  return text;
}

/** The positions (in `rows`) of the rows the filter keeps, in order. */
export function filterRows(rows: readonly FolderRow[], filter: FolderFilter): number[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = Object.entries(filter.groups) as [BreakdownId, string][];
  const kept: number[] = [];
  rows.forEach((row, i) => {
    if (!decisionMatches(row, filter.decision)) return;
    if (groups.some(([by, key]) => !groupKeys(row, by).includes(key))) return;
    if (words.length > 0) {
      const haystack = searchText(row);
      if (!words.every((w) => haystack.includes(w))) return;
    }
    kept.push(i);
  });
  return kept;
}

export const sortColumns = ['file', 'case', 'service', 'decision', 'guideline', 'conclusion'] as const;
export type SortColumn = (typeof sortColumns)[number];
export interface FolderSort {
  column: SortColumn;
  descending: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortText(row: FolderRow, column: SortColumn): string {
  switch (column) {
    case 'file':
      return row.file;
    case 'case':
      return row.caseNumber ?? '';
    case 'service':
      return row.service;
    case 'decision':
      return row.decision ?? row.decisionText ?? '';
    case 'guideline':
      return row.guideline;
    case 'conclusion':
      return conclusionLabels[row.conclusion];
  }
}

/**
 * The kept rows (positions in `rows`) in the order of a column, numbers inside text compared as numbers
 * ("CM16-9" before "CM16-10"); rows that tie, and all rows without a sort, go by file, then item. Empty values go
 * last either way.
 */
export function sortRows(rows: readonly FolderRow[], kept: readonly number[], sort: FolderSort | undefined): number[] {
  // Positions in `rows` are the order of the files and their items: the order without a sort, and of ties.
  if (!sort) return [...kept].sort((a, b) => a - b);
  const keys = new Map(kept.map((i) => [i, sortText(rows[i], sort.column)]));
  const direction = sort.descending ? -1 : 1;
  return [...kept].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (!ka || !kb) return ka === kb ? a - b : ka ? -1 : 1;
    return direction * collator.compare(ka, kb) || a - b;
  });
}

export function isFiltered(filter: FolderFilter): boolean {
  return filter.text.trim() !== '' || filter.decision !== 'all' || Object.keys(filter.groups).length > 0;
}

/** The filter after a change from the page: a group clicked again (or its chip, key null) is removed. */
export function nextFilter(
  filter: FolderFilter,
  change: { text?: string; decision?: DecisionFilter; group?: { by: BreakdownId; key: string | null } },
): FolderFilter {
  const groups = { ...filter.groups };
  if (change.group) {
    const { by, key } = change.group;
    if (key === null || groups[by] === key) delete groups[by];
    else groups[by] = key;
  }
  return { text: change.text ?? filter.text, decision: change.decision ?? filter.decision, groups };
}

/**
 * The sort after a request from the page: a column the way given (the sort list); without a way (a header's
 * click), ascending, then descending, then back to file order; a null column, file order.
 */
export function nextSort(sort: FolderSort | undefined, request: { column: SortColumn | null; descending?: boolean }): FolderSort | undefined {
  const { column, descending } = request;
  if (column === null) return undefined;
  if (descending !== undefined) return { column, descending };
  if (sort?.column !== column) return { column, descending: false };
  return sort.descending ? undefined : { column, descending: true };
}
