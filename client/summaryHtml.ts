// Builds the decision-summary webview's HTML; pure, so tests can load it in a real browser without VS Code.
// Every string that comes from a letter goes through escapeHtml: the page must show it as text.
import type { FolderRow } from './folderRows';
import type { ItemRow, LetterSummary } from './summary';
import { conclusionLabels, decisionLabel } from './summary';

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
<nav class="toolbar" aria-label="Export">
<span>Export:</span>
<button type="button" data-export="csv">CSV</button>
<button type="button" data-export="json">JSON</button>
<button type="button" data-export="markdown">Markdown</button>
</nav>
<main id="summary">${o.body}</main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

function badge(row: Pick<ItemRow, 'decision' | 'decisionText'>): string {
  const cls = row.decision === 'Upheld' ? 'upheld' : row.decision === 'Overturned' ? 'overturned' : 'unknown';
  return `<span class="badge ${cls}">${escapeHtml(decisionLabel(row))}</span>`;
}

function definitions(pairs: [string, string | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => !!p[1]);
  if (shown.length === 0) return '<p class="muted">Not stated in the letter.</p>';
  return `<dl>${shown.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function counts(upheld: number, overturned: number, items: number): string {
  return `<p class="counts"><span class="count">${items} ${items === 1 ? 'item' : 'items'}</span>
<span class="badge upheld">Upheld ${upheld}</span> <span class="badge overturned">Overturned ${overturned}</span></p>`;
}

/** The summary of one letter; `undefined` while the server has not answered, `null` when it has no model. */
export function renderLetterBody(summary: LetterSummary | null | undefined): string {
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
  const rows = summary.items
    .map(
      (r) => `<tr data-index="${r.index}" tabindex="0" title="Show this item in the letter">
<td class="num">${r.index + 1}</td>
<td class="service">${escapeHtml(r.service)}</td>
<td class="decision">${badge(r)}</td>
<td class="guideline" data-label="Reviewer's guideline">${escapeHtml(r.guideline)}</td>
<td class="conclusion" data-label="Conclusion">${escapeHtml(conclusionLabels[r.conclusion])}</td>
<td class="rationale" data-label="Rationale">${r.rationaleStart ? escapeHtml(r.rationaleStart) : '<span class="muted">(none)</span>'}</td>
</tr>`,
    )
    .join('\n');
  return `<header>${heading}${counts(summary.upheld, summary.overturned, summary.items.length)}</header>
<div class="facts">
<section><h2>Case</h2>${definitions([
    ['Case number', summary.caseNumber],
    ['Date assigned', summary.dateAssigned],
    ['Date of injury', summary.dateOfInjury],
    ['Decision date', summary.decisionDate],
    ['Patient', patient],
  ])}</section>
<section><h2>Expert reviewer</h2>${definitions([
    ['Specialties', summary.specialties.join(', ')],
    ['Licensed in', summary.licensure.join(', ')],
  ])}</section>
</div>
<table class="items">
<thead><tr><th class="num">#</th><th class="service">Service</th><th class="decision">Decision</th><th class="guideline">Reviewer's guideline</th><th class="conclusion">Conclusion</th><th class="rationale">Rationale</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6" class="muted">No disputed items found.</td></tr>'}
</tbody>
</table>`;
}

/** The items of every letter of a folder. */
export function renderFolderBody(folderName: string, rows: readonly FolderRow[], letters: number): string {
  const upheld = rows.filter((r) => r.decision === 'Upheld').length;
  const overturned = rows.filter((r) => r.decision === 'Overturned').length;
  const body = rows
    .map(
      (r, i) => `<tr data-row="${i}" tabindex="0" title="Show this item in the letter">
<td class="file" data-label="File">${escapeHtml(r.file)}</td>
<td class="case" data-label="Case number">${escapeHtml(r.caseNumber ?? '')}</td>
<td class="num">${r.index + 1}</td>
<td class="service">${escapeHtml(r.service)}</td>
<td class="decision">${badge(r)}</td>
<td class="guideline" data-label="Reviewer's guideline">${escapeHtml(r.guideline)}</td>
<td class="conclusion" data-label="Conclusion">${escapeHtml(conclusionLabels[r.conclusion])}</td>
</tr>`,
    )
    .join('\n');
  return `<header><h1>${escapeHtml(folderName)}</h1><p class="file">${letters} ${letters === 1 ? 'letter' : 'letters'}</p>
${counts(upheld, overturned, rows.length)}</header>
<table class="items">
<thead><tr><th class="file">File</th><th class="case">Case number</th><th class="num">#</th><th class="service">Service</th><th class="decision">Decision</th><th class="guideline">Reviewer's guideline</th><th class="conclusion">Conclusion</th></tr></thead>
<tbody>
${body || '<tr><td colspan="7" class="muted">No letters found in this folder.</td></tr>'}
</tbody>
</table>`;
}
