// Builds the decision-summary webview's HTML; pure, so tests can load it in a real browser without VS Code.
// Every string that comes from a letter goes through escapeHtml: the page must show it as text.
import type { ItemContext } from '../core/features/itemContext';
import type { GroundKind } from '../core/model';
import type { FolderRow } from '../core/summary/folderRows';
import type { Breakdown, BreakdownId, DecisionFilter, FolderFilter, FolderSort, SortColumn } from '../core/summary/folderStats';
import { breakdownNotes, breakdownTitles, decisionFilters, groupLabel, isFiltered, nextSort, overturnedShare, shownBreakdowns } from '../core/summary/folderStats';
import type { ItemRow, LetterSummary } from '../core/summary/letterSummary';
import { sameServiceText } from '../core/summary/precedents';
import { copiesText, type Copy } from '../core/summary/copies';
import { conclusionLabels, decisionLabel, surgeryServicesText, withContextGrounds } from '../core/summary/letterSummary';
import { turnaroundText } from '../core/summary/timeline';
import { groundLabel } from '../core/summary/grounds';
import { checkSeverityLabels, type Check, type LetterChecks } from '../core/summary/itemChecks';

/** How many items of a folder the page shows at first, and how many more each "Show more" adds. */
export const folderPageSize = 500;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageOptions {
  /** A fresh random nonce per page load: the only scripts allowed to run carry it. */
  nonce: string;
  /** The webview's `cspSource`: where the stylesheet and script may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** The page title (escaped here). */
  title: string;
  /** The letter or folder the page shows, kept in the webview's state so the panel can be restored. */
  uri: string;
  /** The body's content, from renderLetterBody or renderFolderBody. */
  body: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The export buttons are named for screen readers by what they export: the body's #export-what ("Export the 53
 * filtered items as", see exportWhat) and their own text, so that the names follow the filter while the toolbar,
 * outside the body, stays as it is.
 */
const exportFormats = [
  ['csv', 'CSV'],
  ['json', 'JSON'],
  ['markdown', 'Markdown'],
] as const;

/** What the export buttons export, in words; not shown. */
function exportWhat(text: string): string {
  return `<span id="export-what" hidden>${escapeHtml(text)}</span>`;
}

export function renderPage(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body data-uri="${escapeHtml(o.uri)}">
<div class="toolbar" role="region" aria-label="Export">
<span>Export:</span>
${exportFormats.map(([format, label]) => `<button type="button" data-export="${format}" id="export-${format}" aria-labelledby="export-what export-${format}">${label}</button>`).join('\n')}
</div>
<main id="summary">${o.body}</main>
<div id="announce" role="status" class="visually-hidden"></div>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

function badge(row: Pick<ItemRow, 'decision' | 'decisionText'>): string {
  const cls = row.decision === 'Upheld' ? 'upheld' : row.decision === 'Overturned' ? 'overturned' : 'unknown';
  return `<span class="badge ${cls}">${escapeHtml(decisionLabel(row))}</span>`;
}

/**
 * What a row that acts (shows an item, filters by a group) is reached and named by: a button in its header cell,
 * labelled with the row's service or group, so that the keyboard stops at each row and a screen reader says which it
 * is. A click elsewhere on the row does the same, for the mouse (media/summary.js).
 */
function rowButton(label: string, title: string, pressed?: boolean): string {
  const state = pressed === undefined ? '' : ` aria-pressed="${pressed}"`;
  return `<button type="button" class="row-action"${state} title="${title}">${escapeHtml(label)}</button>`;
}

function definitions(pairs: [string, string | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => !!p[1]);
  if (shown.length === 0) return '<p class="muted">Not stated in the letter.</p>';
  return `<dl>${shown.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

function counts(upheld: number, overturned: number, items: number): string {
  return `<p class="counts"><span class="count">${items} ${items === 1 ? 'item' : 'items'}</span>
<span class="badge upheld">Upheld ${upheld}</span> <span class="badge overturned">Overturned ${overturned}</span></p>`;
}

/** What the workspace says of a letter's items (imr/itemContext): each one's sections and precedents. */
export interface LetterContext {
  items: ItemContext[];
  /** PDFs of the workspace not read yet, which the precedents leave out. */
  unreadPdfs: number;
}

/** Under the reviewer's guideline: the MTUS section on the service, when the reviewer cited none of the MTUS. */
function mtusNotCitedLine(context: ItemContext | undefined): string {
  if (!context?.mtusNotCited) return '';
  return `<div class="context" data-context="mtus-not-cited">MTUS not cited; the MTUS has a section on this service: ${escapeHtml(context.mtusNotCited)}</div>`;
}

/** Under an item's reviewer's guideline: the sections it resolves to. */
function sectionsLine(context: ItemContext | undefined): string {
  if (!context || context.sections.length === 0) return '';
  return `<div class="context" data-context="sections">Section${context.sections.length === 1 ? '' : 's'}: ${escapeHtml(context.sections.join('; '))}</div>`;
}

/** Under the rationale's conclusion: the grounds read in the rationale (core/parser/grounds.ts). */
function groundsLine(grounds: readonly GroundKind[]): string {
  if (grounds.length === 0) return '';
  return `<div class="context" data-context="grounds">Grounds: ${escapeHtml(grounds.map(groundLabel).join('; '))}</div>`;
}

/** The problems the checks find (the Problems view's, for this letter): under an item's service, or the letter's. */
function checksLines(checks: readonly Check[] | undefined): string {
  return (checks ?? [])
    .map(
      (c) =>
        `<div class="context check ${c.severity}" data-context="check" data-rule="${escapeHtml(c.code)}"><span class="severity">${checkSeverityLabels[c.severity]}:</span> ${escapeHtml(c.message)} <span class="rule">(${escapeHtml(c.code)})</span></div>`,
    )
    .join('');
}

/** Under a folder row's service: the rules that find a problem in it, by id (the letter's panel has their messages). */
function checkIdsLine(checks: readonly string[]): string {
  if (checks.length === 0) return '';
  return `<div class="context" data-context="checks">Checks: ${escapeHtml(checks.join('; '))}</div>`;
}

/** A retrospective request (for a service already given) and the date of service the title gives. */
function retrospectiveLine(r: ItemRow): string {
  const parts = [...(r.retrospective ? ['Retrospective request'] : []), ...(r.dateOfService ? [`date of service ${escapeHtml(r.dateOfService)}`] : [])];
  if (parts.length === 0) return '';
  const line = parts.join(', ');
  return `<div class="context" data-context="retrospective">${line.charAt(0).toUpperCase()}${line.slice(1)}.</div>`;
}

/** A partial authorization: what was requested and authorized; the row's service is the part decided. */
function partialLine(r: ItemRow): string {
  if (!r.partial) return '';
  const authorized = r.partial.authorized ? `; authorized: ${escapeHtml(r.partial.authorized)}` : '';
  return `<div class="context" data-context="partial">Partly authorized. Requested: ${escapeHtml(r.partial.originalRequest)}${authorized}; decided here: the rest.</div>`;
}

/** The surgery an item goes with, or the items that go with a surgery (core/parser/surgery.ts). */
function surgeryLine(r: ItemRow): string {
  if (r.surgery) {
    const decided = r.surgery.decision ? ` (${r.surgery.decision})` : '';
    return `<div class="context" data-context="surgery">Goes with the surgery, item ${r.surgery.index + 1}: ${escapeHtml(r.surgery.service)}${decided}.</div>`;
  }
  if (!r.withSurgery) return '';
  return `<div class="context" data-context="surgery">${surgeryServicesText(r.withSurgery)}.</div>`;
}

/** Under an item's service: how the workspace's other items for it were decided. */
function precedentsLine(context: ItemContext | undefined, unreadPdfs: number): string {
  const stats = context?.sameService;
  if (!stats) return '';
  const notYet = unreadPdfs > 0 ? ` (${unreadPdfs} PDF${unreadPdfs === 1 ? '' : 's'} not read yet)` : '';
  const text = `${sameServiceText(stats)}${notYet}`;
  return `<div class="context" data-context="precedents">${escapeHtml(text)}</div>`;
}

/** The summary of one letter; `undefined` while the server has not answered, `null` when it has no model. */
export function renderLetterBody(summary: LetterSummary | null | undefined, context?: LetterContext, checks?: LetterChecks): string {
  if (summary === undefined) return '<p class="muted">Waiting for the language server…</p>';
  if (summary === null) return '<p class="muted">Open the letter in an editor (as an IMR Letter) to see its summary.</p>';
  const heading = summary.caseNumber
    ? `<h1>${escapeHtml(summary.caseNumber)}</h1><p class="file">${escapeHtml(summary.name)}</p>`
    : `<h1>${escapeHtml(summary.name)}</h1>`;
  if (!summary.isLetter) return `${heading}<p class="muted">This document does not look like an IMR Final Determination letter.</p>`;
  const patient =
    summary.age !== undefined || summary.sex
      ? [summary.age !== undefined ? `${summary.age} years` : '', summary.sex ?? ''].filter(Boolean).join(', ')
      : undefined;
  const contextOf = (index: number) => context?.items.find((c) => c.index === index);
  // The grounds come with the context (a letter's model has none), as in the letter's exports.
  const rows = (context ? withContextGrounds(summary, context.items) : summary).items
    .map(
      (r) => `<tr data-index="${r.index}">
<td class="num">${r.index + 1}</td>
<th scope="row" class="service">${rowButton(r.service, 'Show this item in the letter')}${retrospectiveLine(r)}${partialLine(r)}${surgeryLine(r)}${precedentsLine(contextOf(r.index), context?.unreadPdfs ?? 0)}${checksLines(checks?.items.get(r.index))}</th>
<td class="decision">${badge(r)}</td>
<td class="guideline" data-label="Reviewer's guideline">${escapeHtml(r.guideline)}${sectionsLine(contextOf(r.index))}${mtusNotCitedLine(contextOf(r.index))}</td>
<td class="conclusion" data-label="Conclusion">${escapeHtml(conclusionLabels[r.conclusion])}${groundsLine(r.grounds)}</td>
<td class="rationale" data-label="Rationale">${r.rationaleStart ? escapeHtml(r.rationaleStart) : '<span class="muted">(none)</span>'}</td>
</tr>`,
    )
    .join('\n');
  return `<header>${heading}${counts(summary.upheld, summary.overturned, summary.items.length)}${checksLines(checks?.letter)}</header>
${exportWhat(`Export this letter's ${summary.items.length === 1 ? 'item' : `${summary.items.length} items`} as`)}
<div class="facts">
<section><h2>Case</h2>${definitions([
    ['Case number', summary.caseNumber],
    ['Priority', summary.priority],
    ['Date of injury', summary.dateOfInjury],
    ['UR denial', summary.urDenialDate],
    ['Application received', summary.applicationReceived],
    ['Date assigned', summary.dateAssigned],
    ['Decision date', summary.decisionDate],
    ['Days to decision', turnaroundText(summary.timeline)],
    ['Patient', patient],
  ])}</section>
<section><h2>Expert reviewer</h2>${definitions([
    ['Specialties', summary.specialties.join(', ')],
    ['Licensed in', summary.licensure.join(', ')],
  ])}</section>
</div>
<h2 class="visually-hidden">Items</h2>
<table class="items">
<caption class="visually-hidden">Items</caption>
<thead><tr><th class="num">#</th><th class="service">Service</th><th class="decision">Decision</th><th class="guideline">Reviewer's guideline</th><th class="conclusion">Conclusion</th><th class="rationale">Rationale</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6" class="muted">No disputed items found.</td></tr>'}
</tbody>
</table>`;
}

export interface FolderView {
  folderName: string;
  /** Every row of the folder; `kept` says which the filter keeps, `limit` how many of those are shown. */
  rows: readonly FolderRow[];
  letters: number;
  /** Files left out as copies of a letter counted already (a PDF and the text saved from it). */
  copies?: readonly Copy[];
  filter: FolderFilter;
  kept: readonly number[];
  limit: number;
  /** The folder is being read again (Refresh). */
  loading?: boolean;
  /** The column the items are sorted by (`kept` is in that order); by file, then item, without. */
  sort?: FolderSort;
}

const itemColumns: Array<{ cls: string; label: string; sort?: SortColumn }> = [
  { cls: 'file', label: 'File', sort: 'file' },
  { cls: 'case', label: 'Case number', sort: 'case' },
  { cls: 'num', label: '#' },
  { cls: 'service', label: 'Service', sort: 'service' },
  { cls: 'decision', label: 'Decision', sort: 'decision' },
  { cls: 'guideline', label: "Reviewer's guideline", sort: 'guideline' },
  { cls: 'conclusion', label: 'Conclusion', sort: 'conclusion' },
];

/** The words of a sort's direction, in the sort list, the header's tooltips and the status line. */
function directionText(descending: boolean): string {
  return descending ? 'Z to A' : 'A to Z';
}

/** The sort list of the filter bar (the header's buttons are hidden in a narrow panel). */
function sortOptions(sort: FolderSort | undefined): string {
  const current = sort ? `${sort.column}:${sort.descending ? 'desc' : 'asc'}` : '';
  const options = [['', 'In file order']];
  for (const c of itemColumns) {
    if (!c.sort) continue;
    const by = `By ${c.label.toLowerCase()}`;
    options.push([`${c.sort}:asc`, `${by} (${directionText(false)})`], [`${c.sort}:desc`, `${by} (${directionText(true)})`]);
  }
  return options.map(([value, label]) => `<option value="${value}"${value === current ? ' selected' : ''}>${escapeHtml(label)}</option>`).join('');
}

/**
 * The items table's header: a button per sortable column, its tooltip what a press does; the sorted one marked with
 * aria-sort, and an arrow for the eye (a screen reader would read out the symbol).
 */
function itemsHeader(sort: FolderSort | undefined): string {
  return itemColumns
    .map((c) => {
      if (!c.sort) return `<th class="${c.cls}">${escapeHtml(c.label)}</th>`;
      const sorted = sort?.column === c.sort;
      const aria = sorted ? ` aria-sort="${sort.descending ? 'descending' : 'ascending'}"` : '';
      const arrow = sorted ? `<span aria-hidden="true"> ${sort.descending ? '▼' : '▲'}</span>` : '';
      const next = nextSort(sort, { column: c.sort });
      const title = next ? `Sort by ${c.label.toLowerCase()}, ${directionText(next.descending)}` : 'Back to file order';
      return `<th class="${c.cls}"${aria}><button type="button" class="sort" data-sort="${c.sort}" title="${escapeHtml(title)}">${escapeHtml(c.label)}${arrow}</button></th>`;
    })
    .join('');
}

const groupColumnTitles: Record<BreakdownId, string> = {
  guideline: 'Guideline',
  section: 'Section',
  grounds: 'Ground',
  claims: 'Guideline',
  specialty: 'Specialty',
  year: 'Year',
  turnaround: 'Days',
  service: 'Service',
  surgery: 'Item',
  checks: 'Rule',
};

function breakdownTable(view: FolderView, b: Breakdown): string {
  const active = view.filter.groups[b.id];
  const rows = b.groups
    .map((g) => {
      const selected = g.key === active;
      return `<tr data-group-by="${b.id}" data-group-key="${escapeHtml(g.key)}"${selected ? ' class="selected"' : ''}>
<th scope="row" class="group">${rowButton(g.label, selected ? 'Show all items again' : 'Show only these items', selected)}</th><td class="n">${g.items}</td><td class="n">${g.upheld}</td><td class="n">${g.overturned}</td><td class="n">${overturnedShare(g)}</td>
</tr>`;
    })
    .join('\n');
  const note = breakdownNotes[b.id];
  const hidden = (b.hidden > 0 ? `<p class="muted" id="more-${b.id}">and ${b.hidden} more</p>` : '') + (note ? `<p class="muted" id="note-${b.id}">${escapeHtml(note)}</p>` : '');
  // The lines under the table describe it, for a screen reader that jumps from table to table.
  const described = [...(b.hidden > 0 ? [`more-${b.id}`] : []), ...(note ? [`note-${b.id}`] : [])];
  return `<section class="breakdown" data-breakdown="${b.id}">
<table class="groups"${described.length > 0 ? ` aria-describedby="${described.join(' ')}"` : ''}>
<caption>${escapeHtml(breakdownTitles[b.id])}</caption>
<thead><tr><th class="group">${escapeHtml(groupColumnTitles[b.id])}</th><th class="n">Items</th><th class="n">Upheld</th><th class="n">Overturned</th><th class="n" title="Overturned, of the items upheld or overturned">% overturned</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5" class="muted">None.</td></tr>'}
</tbody>
</table>${hidden}</section>`;
}

const decisionOptionLabels: Record<DecisionFilter, string> = {
  all: 'All decisions',
  Upheld: 'Upheld',
  Overturned: 'Overturned',
  other: 'No clear decision',
};

function filterBar(view: FolderView, keptRows: readonly FolderRow[]): string {
  const options = decisionFilters
    .map((d) => `<option value="${d}"${d === view.filter.decision ? ' selected' : ''}>${escapeHtml(decisionOptionLabels[d])}</option>`)
    .join('');
  // A chip's × is for the eye ("times" to a screen reader): its name says what a press does.
  const chips = (Object.entries(view.filter.groups) as [BreakdownId, string][])
    .map(([by, key]) => {
      const filter = `${breakdownTitles[by]}: ${groupLabel(view.rows, by, key)}`;
      const name = escapeHtml(`Remove the filter ${filter}`);
      return `<button type="button" class="chip" data-clear-group="${by}" aria-label="${name}">${escapeHtml(filter)}<span aria-hidden="true"> ×</span></button>`;
    })
    .join(' ');
  const upheld = keptRows.filter((r) => r.decision === 'Upheld').length;
  const overturned = keptRows.filter((r) => r.decision === 'Overturned').length;
  const shown = isFiltered(view.filter)
    ? `<span class="count" id="shown">${keptRows.length} of ${view.rows.length} items</span> <span class="badge upheld">Upheld ${upheld}</span> <span class="badge overturned">Overturned ${overturned}</span> <button type="button" data-clear-filter>Clear filters</button>`
    : '';
  return `<div class="filters" role="search">
<input type="search" id="filter" value="${escapeHtml(view.filter.text)}" placeholder="Filter: file, case, service, guideline…" aria-label="Filter the items" spellcheck="false">
<select id="decision" aria-label="Decision">${options}</select>
<select id="sort" aria-label="Sort the items">${sortOptions(view.sort)}</select>
${chips}
${shown}
<button type="button" data-jump="items" title="The items, below the breakdowns">Go to the ${keptRows.length === 1 ? 'item' : `${keptRows.length} items`}<span aria-hidden="true"> ↓</span></button>
</div>`;
}

/** The files counted once, as copies of another file: the first three named, the rest counted. */
function copiesNote(copies: readonly Copy[]): string {
  return copies.length === 0 ? '' : `<p class="muted copies">${escapeHtml(copiesText(copies, 3))}</p>\n`;
}

/** The items of every letter of a folder: breakdowns, a filter, and the (filtered) items, a page at a time. */
export function renderFolderBody(view: FolderView): string {
  const { rows } = view;
  const keptRows = view.kept.map((i) => rows[i]);
  const upheld = rows.filter((r) => r.decision === 'Upheld').length;
  const overturned = rows.filter((r) => r.decision === 'Overturned').length;
  const body = view.kept
    .slice(0, view.limit)
    .map((i) => {
      const r = rows[i];
      return `<tr data-row="${i}">
<td class="file" data-label="File">${escapeHtml(r.file)}</td>
<td class="case" data-label="Case number">${escapeHtml(r.caseNumber ?? '')}</td>
<td class="num">${r.index + 1}</td>
<th scope="row" class="service">${rowButton(r.service, 'Show this item in the letter')}${checkIdsLine(r.checks)}</th>
<td class="decision">${badge(r)}</td>
<td class="guideline" data-label="Reviewer's guideline">${escapeHtml(r.guideline)}</td>
<td class="conclusion" data-label="Conclusion">${escapeHtml(conclusionLabels[r.conclusion])}${groundsLine(r.grounds)}</td>
</tr>`;
    })
    .join('\n');
  const empty = rows.length === 0 ? 'No letters found in this folder.' : 'No item matches the filter.';
  const rest = view.kept.length - Math.min(view.limit, view.kept.length);
  const more =
    rest > 0
      ? `<p class="more"><button type="button" data-more>Show ${Math.min(rest, folderPageSize)} more</button> <span class="muted">${rest} not shown</span></p>`
      : '';
  // While the folder is read, Refresh stays (unavailable, not disabled, which would drop the keyboard's focus).
  const refresh = view.loading
    ? '<button type="button" data-refresh aria-disabled="true" title="The folder\'s letters are being read">Refresh</button> <span class="muted" id="reading">Reading the letters…</span>'
    : '<button type="button" data-refresh title="Read the folder\'s letters again">Refresh</button>';
  const header = `<header><h1>${escapeHtml(view.folderName)}</h1><p class="file">${view.letters} ${view.letters === 1 ? 'letter' : 'letters'} ${refresh}</p>
${copiesNote(view.copies ?? [])}${counts(upheld, overturned, rows.length)}</header>`;
  if (rows.length === 0) return `${header}\n<p class="muted">${empty}</p>`;
  // The panel exports what the filter keeps, all of it, not the page shown.
  const what = isFiltered(view.filter) ? `the ${view.kept.length === 1 ? 'filtered item' : `${view.kept.length} filtered items`}` : rows.length === 1 ? 'the one item' : `all ${rows.length} items`;
  // The filter first: what it keeps is counted in the breakdowns below it and listed in the table. The headings, which
  // the eye does not need, let a screen reader jump to each part.
  const caption = isFiltered(view.filter) ? `Items (${view.kept.length} of ${rows.length})` : `Items (${rows.length})`;
  return `${header}
${exportWhat(`Export ${what} as`)}
<h2 class="visually-hidden">Filter</h2>
${filterBar(view, keptRows)}
<h2 class="visually-hidden">Breakdowns</h2>
<div class="breakdowns">
${shownBreakdowns(rows, keptRows)
  .map((b) => breakdownTable(view, b))
  .join('\n')}
</div>
<h2 class="visually-hidden">Items</h2>
<table class="items" id="items">
<caption class="visually-hidden">${caption}</caption>
<thead><tr>${itemsHeader(view.sort)}</tr></thead>
<tbody>
${body || `<tr><td colspan="7" class="muted">${empty}</td></tr>`}
</tbody>
</table>
${more}`;
}

// The folder page's status line (role="status", outside the content the updates replace): what a screen reader says
// once a change has settled. The panel sends it with each update; the page writes it when it says something new.

/** After a change of the filter: how many items it keeps, and how they were decided. */
export function shownStatus(rows: readonly FolderRow[], kept: readonly number[]): string {
  if (kept.length === 0) return 'No item matches the filter';
  const upheld = kept.filter((i) => rows[i].decision === 'Upheld').length;
  const overturned = kept.filter((i) => rows[i].decision === 'Overturned').length;
  const shown = kept.length < rows.length ? `${kept.length} of ${plural(rows.length, 'item')}` : rows.length === 1 ? '1 item' : `All ${rows.length} items`;
  return `${shown} shown: ${upheld} upheld, ${overturned} overturned`;
}

/** After a change of the sort. */
export function sortStatus(sort: FolderSort | undefined): string {
  const column = sort && itemColumns.find((c) => c.sort === sort.column);
  return sort && column ? `Sorted by ${column.label.toLowerCase()}, ${directionText(sort.descending)}` : 'In file order';
}

/** After the folder is read: its letters and items, and what a filter set before keeps of them. */
export function readStatus(letters: number, rows: readonly FolderRow[], kept: readonly number[], filtered: boolean): string {
  if (letters === 0) return 'No letters found in this folder';
  const read = `${plural(letters, 'letter')} read: ${plural(rows.length, 'item')}`;
  return filtered ? `${read}. ${shownStatus(rows, kept)}` : read;
}
