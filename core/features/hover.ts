// Hovers: a cited guideline's summary, what a decision word means, an item's decision at a glance (with the MTUS
// section on its service when its reviewer cited none of the MTUS, and the grounds its rationale gives), the grounds
// with their sentences on the rationale's label, and the review's timeline on the header's dates.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { citationHoverMarkdown, resolveCitation } from '../knowledge/index';
import { pagesText } from '../knowledge/hover';
import { mtusNotCited } from '../knowledge/mtusNotCited';
import { sectionLabel } from '../knowledge/sections';
import type { DisputedItem, GuidelineCitation, GuidelineParagraph, LetterModel, Position } from '../model';
import { oneLine } from '../text/collapse';
import { escapeMarkdown } from '../text/markdown';
import { distinctWorkspaceLetters, textOf, touches, type LetterDocument, type WorkspaceLetter } from './letterDocument';
import { sameServiceText, unreadPdfsNote } from '../summary/precedents';
import { firstSentence, surgeryServicesText } from '../summary/letterSummary';
import { groundKinds, groundLabel, groundSide } from '../summary/grounds';
import { firstOfEachKind, itemGrounds, type ItemGround } from './grounds';
import { serviceStats, type ServiceStats } from './serviceReferences';
import { timelineHover } from './timelineHover';

export interface HoverOptions {
  /** Letters of the workspace, for the "cited by N items here: U upheld, O overturned" figures. */
  workspaceLetters?: Iterable<WorkspaceLetter>;
  /** Letters of the workspace not read yet (PDFs read in the background): the figures leave them out, and say so. */
  unreadLetters?: number;
}

export interface FolderStats {
  /** How many disputed items of the workspace cite the same guideline section. */
  citedBy: number;
  /** Of those, how many were Upheld and how many Overturned (the rest have no decision). */
  upheld: number;
  overturned: number;
}

// What a citation cites, as keys: the knowledge-base entries it resolves to, else its normalised text.
// Cached per citation object: the workspace index hands out the same models while files are unchanged.
const keysCache = new WeakMap<GuidelineCitation, string[]>();

export function citationKeys(c: GuidelineCitation): string[] {
  let keys = keysCache.get(c);
  if (!keys) {
    const r = resolveCitation(c);
    keys =
      r.status === 'resolved' && r.entries.length > 0
        ? r.entries.map((e) => `kb:${e.id}`)
        : [`text:${c.source}|${c.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}`];
    keysCache.set(c, keys);
  }
  return keys;
}

/** Items of the workspace whose MAXIMUS guideline cites any of what this citation cites, and how many were Upheld. */
export function folderStatsFor(citation: GuidelineCitation, letters: Iterable<WorkspaceLetter>): FolderStats | undefined {
  const wanted = new Set(citationKeys(citation));
  let citedBy = 0;
  let upheld = 0;
  let overturned = 0;
  // A letter in the workspace twice (its PDF and its text) counts once.
  for (const letter of distinctWorkspaceLetters(letters)) {
    for (const item of letter.letter.items) {
      if (!item.citedKeys.some((k) => wanted.has(k))) continue;
      citedBy++;
      if (item.decision === 'Upheld') upheld++;
      else if (item.decision === 'Overturned') overturned++;
    }
  }
  return citedBy === 0 ? undefined : { citedBy, upheld, overturned };
}

const decisionMeaning = {
  Upheld:
    '**Upheld**: the utilization review denial stands. The service is not authorized; the reviewer found it not medically necessary.',
  Overturned:
    '**Overturned**: the reviewer found the service medically necessary. The utilization review denial is reversed and the claims administrator must authorize it.',
};

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function conclusionText(doc: LetterDocument, item: DisputedItem): string {
  if (item.conclusionRange) return escapeMarkdown(textOf(doc, item.conclusionRange).trim());
  if (item.conclusion === 'medically-necessary') return 'medically necessary';
  if (item.conclusion === 'not-medically-necessary') return 'not medically necessary';
  return item.rationale ? '(no clear conclusion found)' : '(no rationale)';
}

function citationsText(p: GuidelineParagraph | undefined, item: DisputedItem): string {
  if (!p || p.text.trim() === '') return '(none)';
  if (p.citations.length === 0 && p.statements.length === 0 && item.form === 'review') {
    // A Medical Professional Review names its guidelines in prose: its first sentence says which.
    return escapeMarkdown(firstSentence(p.text, 160));
  }
  if (p.citations.length === 0) return p.statements.length > 0 ? escapeMarkdown(p.statements.map((s) => s.text).join(' ')) : '(no guideline cited)';
  return p.citations.map((c) => escapeMarkdown(c.text)).join('; ');
}

function itemSummary(doc: LetterDocument, item: DisputedItem, options: HoverOptions): string {
  // Everything but our own words comes from the letter: escaped, so that it shows as text (core/text/markdown.ts).
  const decision = item.decision ?? (item.decisionText ? `"${escapeMarkdown(item.decisionText.text)}" (not a decision)` : '(no decision)');
  const lines = [`**${escapeMarkdown(item.service.trim())}**: ${decision}`];
  if (item.partial) {
    const authorized = item.partial.authorized ? `; authorized: "${escapeMarkdown(item.partial.authorized)}"` : '';
    lines.push(`Partial authorization: originally "${escapeMarkdown(item.partial.originalRequest)}"${authorized}.`);
  }
  if (item.dateOfService) lines.push(`Date of service: ${escapeMarkdown(item.dateOfService.value)}`);
  const surgery = surgeryLine(doc.model, item);
  if (surgery) lines.push(surgery);
  lines.push(`Reviewer's guideline: ${citationsText(item.maximusGuideline, item)}`);
  const mtus = mtusNotCited(item, doc.model.header?.decisionDate?.value);
  if (mtus) lines.push(mtusNotCitedText(sectionLabel(mtus), pagesText(mtus.pages)));
  lines.push(`Rationale concludes: ${conclusionText(doc, item)}`);
  const grounds = itemGrounds(doc, item);
  if (grounds.length > 0) lines.push(`Grounds read in the rationale: ${groundsList(grounds)}`);
  if (options.workspaceLetters) lines.push(sameServiceLine(serviceStats(doc, item, options.workspaceLetters), options.unreadLetters ?? 0));
  return lines.join('\n\n');
}

/** "No documented functional improvement (line 88); ...": each ground once, at the first sentence that gives it. */
function groundsList(grounds: readonly ItemGround[]): string {
  return firstOfEachKind(grounds)
    .map((g) => `${groundLabel(g.kind)} (line ${g.range.start.line + 1})`)
    .join('; ');
}

/** On the rationale's label: each ground with the sentence it was read from, quoted. */
function groundsHover(doc: LetterDocument, item: DisputedItem): string {
  const grounds = itemGrounds(doc, item);
  if (grounds.length === 0) {
    const known = (side: 'against' | 'for') =>
      groundKinds
        .filter((k) => groundSide(k) === side)
        .map((k) => groundLabel(k).toLowerCase())
        .join('; ');
    return [
      'No grounds read in this rationale. Those read, in their usual wordings:',
      `- against the request: ${known('against')}\n- for the request: ${known('for')}`,
      'A rationale that gives other reasons, or words these otherwise, has none read.',
    ].join('\n\n');
  }
  const lines = ['**Grounds read in this rationale**, from its sentences about the case:'];
  for (const g of grounds) {
    lines.push(`- **${groundLabel(g.kind)}** (line ${g.range.start.line + 1}): "${escapeMarkdown(oneLine(textOf(doc, g.range), 240))}"`);
  }
  lines.push('Read from the wording, not from the records: check each against the rationale.');
  return lines.join('\n\n');
}

/** An MTUS section on the service the reviewer did not cite (knowledge/mtusNotCited.ts): a fact to check, not a verdict. */
function mtusNotCitedText(section: string, pages: string | undefined): string {
  return (
    `MTUS not cited: the MTUS has a section on this service, **${section}**${pages ? ` (${pages})` : ''}. The MTUS comes first ` +
    'among the standards of medical necessity (Labor Code 4610.5(c)(2)); other guidelines serve where it does not address the ' +
    'request (a repeat study, say), which the rationale may explain.'
  );
}

/** On a rationale's words that rest on the surgery's fate: which surgery, how it was decided, and whether that agrees. */
function dependenceText(item: DisputedItem, surgery: DisputedItem): string {
  const says = item.surgeryDependence?.necessary ? 'medically necessary' : 'not medically necessary';
  const lines = [`This decision rests on the surgery, item ${surgery.index + 1}: **${escapeMarkdown(surgery.service.trim())}**, ${surgery.decision ?? 'no decision'}.`];
  const agrees = surgery.decision === undefined || (surgery.decision === 'Overturned') === item.surgeryDependence?.necessary;
  if (!agrees) lines.push(`The rationale takes the surgery as ${says}, but the letter ${surgery.decision === 'Overturned' ? 'overturns its denial' : 'upholds its denial'}.`);
  return lines.join('\n\n');
}

/** The surgery an item goes with, or the items that go with a surgery, and how they were decided. */
function surgeryLine(model: LetterModel, item: DisputedItem): string | undefined {
  const surgery = item.surgery ? model.items[item.surgery.item] : undefined;
  if (surgery) {
    const rests = item.surgeryDependence ? ' (the rationale rests on it)' : '';
    return `Goes with the surgery, item ${surgery.index + 1}: ${escapeMarkdown(surgery.service.trim())}, ${surgery.decision ?? 'no decision'}${rests}.`;
  }
  const withIt = model.items.filter((i) => i.surgery?.item === item.index);
  if (withIt.length === 0) return undefined;
  const upheld = withIt.filter((i) => i.decision === 'Upheld').length;
  const overturned = withIt.filter((i) => i.decision === 'Overturned').length;
  const counts = [upheld > 0 ? `${upheld} upheld` : '', overturned > 0 ? `${overturned} overturned` : ''].filter(Boolean).join(', ');
  return `${surgeryServicesText(withIt.map((i) => i.index))}${counts ? ` (${counts})` : ''}.`;
}

/** How the workspace's other items for the same service were decided (Find All References lists them). */
function sameServiceLine(stats: ServiceStats, unread: number): string {
  return `${sameServiceText(stats)}${unread > 0 ? ` (${unreadPdfsNote(unread)})` : ''}.`;
}

/** The guideline citation under the cursor, if any. */
export function citationAt(doc: LetterDocument, position: Position): GuidelineCitation | undefined {
  return citedAt(doc, position)?.citation;
}

/** The guideline citation under the cursor and the item it belongs to. */
function citedAt(doc: LetterDocument, position: Position): { citation: GuidelineCitation; item: DisputedItem } | undefined {
  for (const item of doc.model.items) {
    if (!touches(item.range, position)) continue;
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      const c = p?.citations.find((x) => touches(x.range, position));
      if (c) return { citation: c, item };
    }
  }
  return undefined;
}

function itemCitations(item: DisputedItem): { citation: GuidelineCitation; paragraph: string }[] {
  return [item.claimsAdministratorGuideline, item.maximusGuideline].flatMap((p) =>
    p ? p.citations.map((citation) => ({ citation, paragraph: p.label.replace(/:\s*$/, '') })) : [],
  );
}

export function getHover(doc: LetterDocument, position: Position, options: HoverOptions = {}): Hover | null {
  const cited = citedAt(doc, position);
  if (cited) {
    const c = cited.citation;
    const folderStats = options.workspaceLetters ? folderStatsFor(c, options.workspaceLetters) : undefined;
    const context = {
      letterDate: doc.model.header?.decisionDate?.value,
      folderStats,
      unreadLetters: options.workspaceLetters ? options.unreadLetters : undefined,
      service: cited.item.service,
      itemCitations: itemCitations(cited.item),
    };
    return markdown(citationHoverMarkdown(c, context), c.range);
  }
  for (const item of doc.model.items) {
    if (!touches(item.range, position) && !touches(item.title.range, position)) continue;
    if (item.decisionText && touches(item.decisionText.range, position)) {
      const text = item.decision
        ? decisionMeaning[item.decision]
        : `**${escapeMarkdown(item.decisionText.text)}** is not a decision: an IMR decision is either Upheld or Overturned.\n\n${decisionMeaning.Upheld}\n\n${decisionMeaning.Overturned}`;
      return markdown(text, item.decisionText.range);
    }
    if (touches(item.title.range, position)) return markdown(itemSummary(doc, item, options), item.title.range);
    if (item.rationale && touches(item.rationale.labelRange, position)) return markdown(groundsHover(doc, item), item.rationale.labelRange);
    const dependence = item.surgeryDependence;
    const surgery = item.surgery && doc.model.items[item.surgery.item];
    if (dependence && surgery && touches(dependence.range, position)) return markdown(dependenceText(item, surgery), dependence.range);
  }
  return timelineHover(doc.model.header, position);
}
