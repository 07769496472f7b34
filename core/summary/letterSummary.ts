// Turns the server's letter model into the rows and counts the views show; pure, so tests run without VS Code.
import type { Conclusion, Decision, DisputedItem, FolderItem, FolderLetter, GroundKind, Range } from '../model';
import type { ItemContext } from '../features/itemContext';
import { timelineOf, type Timeline } from './timeline';

type FolderCitation = NonNullable<FolderItem['maximusGuideline']>['citations'][number];

export interface ItemRow {
  index: number;
  service: string;
  title: string;
  decision?: Decision;
  /** The decision word as written, when it is neither Upheld nor Overturned. */
  decisionText?: string;
  /** A partial authorization: the request as made and the part the claims administrator authorized. */
  partial?: { originalRequest: string; authorized?: string };
  /** A request for a service already given ("Retrospective ..."), and the date of service (ISO) the title gives. */
  retrospective?: true;
  dateOfService?: string;
  /** What kind of service it is (core/text/serviceWords.ts), as folderLetterOf gives it: the folder summary's
   *  service groups. (A letter's own model, summarised for its panel, has none: the panel groups nothing.) */
  serviceKind?: string;
  /** The surgery this item goes with (its index, service and decision), or the items that go with this surgery. */
  surgery?: { index: number; service: string; decision?: Decision };
  withSurgery?: number[];
  /** The reviewer's (MAXIMUS) guideline, as cited. */
  guideline: string;
  /** The kinds of guideline the reviewer cited: "MTUS", "ODG", "MTUS + ODG", ..., or "None cited". */
  guidelineBasis: string;
  /** The same of the claims administrator's citations. */
  claimsBasis: string;
  /** The guideline sections the reviewer's citations resolve to ("MTUS Chronic Pain: Opioids"); none when none do. */
  sections: string[];
  conclusion: Conclusion;
  /** The grounds the rationale gives (GroundKind), as folderLetterOf reads them; a letter's own model has none (the
   *  panel of a letter gets them with each item's context). */
  grounds: GroundKind[];
  /** The ids of the rules that find a problem in it (FolderItem.checks; for a letter's own panel, its diagnostics'). */
  checks: string[];
  /** The first sentence of the decision rationale. */
  rationaleStart: string;
  /** Where the item's title starts (0-based line). */
  titleRange: Range;
}

export interface LetterSummary {
  /** What the letter is shown as: its file name. */
  name: string;
  uri: string;
  isLetter: boolean;
  caseNumber?: string;
  dateAssigned?: string;
  dateOfInjury?: string;
  decisionDate?: string;
  urDenialDate?: string;
  applicationReceived?: string;
  /** "Standard" or "Expedited", as written. */
  priority?: string;
  /** The days between those dates (timeline.ts). */
  timeline: Timeline;
  age?: number;
  sex?: string;
  specialties: string[];
  licensure: string[];
  items: ItemRow[];
  upheld: number;
  overturned: number;
}

export const conclusionLabels: Record<Conclusion, string> = {
  'medically-necessary': 'Medically necessary',
  'not-medically-necessary': 'Not medically necessary',
  unclear: 'Unclear',
};

/** A letter's summary, from its model or from what imr/folderSummary sends of it (a LetterModel is a FolderLetter). */
export function summarizeLetter(model: FolderLetter, name: string, uri: string): LetterSummary {
  const withSurgery = servicesBySurgery(model.items);
  const items = model.items.map((item) => itemRow(item, model.items, withSurgery.get(item.index)?.map((i) => i.index)));
  return {
    name,
    uri,
    isLetter: model.isLetter,
    caseNumber: model.header?.caseNumber?.value,
    dateAssigned: model.header?.dateAssigned?.value,
    dateOfInjury: model.header?.dateOfInjury?.value ?? model.patient.dateOfInjury?.value,
    decisionDate: model.header?.decisionDate?.value,
    urDenialDate: model.header?.urDenialDate?.value,
    applicationReceived: model.header?.applicationReceived?.value,
    priority: model.header?.priority?.value,
    timeline: timelineOf(model.header),
    age: model.patient.age?.value,
    sex: model.patient.sex?.value,
    specialties: model.reviewer?.specialties.value ?? [],
    licensure: model.reviewer?.licensure.value ?? [],
    items,
    upheld: items.filter((i) => i.decision === 'Upheld').length,
    overturned: items.filter((i) => i.decision === 'Overturned').length,
  };
}

function itemRow(item: FolderItem, items: readonly FolderItem[], withSurgery: number[] | undefined): ItemRow {
  const surgery = item.surgery ? items[item.surgery.item] : undefined;
  return {
    index: item.index,
    service: item.service || item.title.value,
    ...(item.serviceKind !== undefined ? { serviceKind: item.serviceKind } : {}),
    title: item.title.value,
    decision: item.decision,
    decisionText: item.decision ? undefined : item.decisionText?.value,
    ...(item.partial ? { partial: { originalRequest: item.partial.originalRequest, authorized: item.partial.authorized } } : {}),
    ...(item.retrospective ? { retrospective: true as const } : {}),
    ...(item.dateOfService ? { dateOfService: item.dateOfService.value } : {}),
    ...(surgery ? { surgery: { index: surgery.index, service: surgery.service || surgery.title.value, decision: surgery.decision } } : {}),
    ...(withSurgery ? { withSurgery } : {}),
    guideline: guidelineText(item.maximusGuideline),
    guidelineBasis: guidelineBasis(item.maximusGuideline, item.form),
    claimsBasis: guidelineBasis(item.claimsAdministratorGuideline, item.form),
    sections: item.maximusGuideline?.sections ?? [],
    conclusion: item.conclusion,
    grounds: item.grounds ?? [],
    checks: item.checks ?? [],
    rationaleStart: firstSentence(item.rationale?.text ?? ''),
    titleRange: item.titleLines[0] ?? item.title.range,
  };
}

/**
 * Each surgery's services (core/parser/surgery.ts) by the surgery's index, gathered in one pass: a letter may hold
 * thousands of items, and the views ask for every item's services.
 */
export function servicesBySurgery<T extends { surgery?: { item: number } }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    if (!item.surgery) continue;
    const list = map.get(item.surgery.item);
    if (list) list.push(item);
    else map.set(item.surgery.item, [item]);
  }
  return map;
}

/** "2 services go with this surgery: items 2–3", as the hover and the summary panel say it. */
export function surgeryServicesText(indexes: readonly number[]): string {
  return `${indexes.length === 1 ? '1 service goes' : `${indexes.length} services go`} with this surgery: ${itemNumbersText(indexes)}`;
}

/**
 * Items by their numbers, 1-based, runs joined ("items 2–8, 11"); after twelve runs, how many more. A pathological
 * letter of thousands of items would otherwise give a hover of thousands of numbers.
 */
export function itemNumbersText(indexes: readonly number[]): string {
  const runs: string[] = [];
  for (let k = 0; k < indexes.length; ) {
    let end = k;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    runs.push(end > k ? `${indexes[k] + 1}–${indexes[end] + 1}` : `${indexes[k] + 1}`);
    k = end + 1;
  }
  const shown = runs.length > 12 ? `${runs.slice(0, 12).join(', ')} and ${runs.length - 12} more` : runs.join(', ');
  return `${indexes.length === 1 && runs.length === 1 ? 'item' : 'items'} ${shown}`;
}

/** The citations of a guideline paragraph, else its statements, else its text. */
export function guidelineText(paragraph: FolderItem['maximusGuideline']): string {
  if (!paragraph) return '';
  if (paragraph.citations.length > 0) return paragraph.citations.map((c) => c.text).join('; ');
  if (paragraph.statements.length > 0) return paragraph.statements.map((s) => s.text).join(' ');
  return paragraph.text;
}

/**
 * The reviewer's guideline in a few words, for a narrow view: each citation without the template's words around it
 * ("Decision based on", "Non-MTUS Citation", "Section(s):"), and "No evidence cited" for that statement.
 */
export function shortGuidelineText(paragraph: FolderItem['maximusGuideline']): string {
  if (!paragraph) return '';
  if (paragraph.citations.length > 0) {
    return paragraph.citations
      .map((c) => c.text.replace(/^\s*Decision\s+based\s+on\s+(?:Non-\s?MTUS\s+Citation\s+)?/i, '').replace(/\s*Section\(s\):\s*/gi, ' ').replace(/\s+/g, ' ').trim())
      .join('; ');
  }
  if (paragraph.statements.some((s) => /did not cite any medical evidence/i.test(s.text))) return 'No evidence cited';
  return guidelineText(paragraph);
}

const sourceLabels: Record<FolderCitation['source'], string> = {
  MTUS: 'MTUS',
  ACOEM: 'ACOEM',
  ODG: 'ODG',
  article: 'Article',
  url: 'Web page',
  other: 'Other',
};
const sourceOrder = Object.keys(sourceLabels) as FolderCitation['source'][];

/** The basis of a guideline paragraph that cites nothing (or says that nothing was cited). */
export const noneCited = 'None cited';
/** The basis of a guideline paragraph whose wording the citation reader does not read. */
export const notRead = 'Not read';

/**
 * The kinds of the reviewer's citations, in a fixed order: "MTUS + ODG"; "None cited" without any; "Not read" when the
 * paragraph says something but in no form the citation reader reads (an older layout's prose), or when the item's
 * layout has no such paragraph at all (the 2013 notice names its guidelines in the rationale; a Medical Professional
 * Review has no claims administrator's paragraph).
 */
export function guidelineBasis(
  paragraph: { citations: readonly Pick<FolderCitation, 'source'>[]; statements?: readonly unknown[]; text?: string } | undefined,
  form?: DisputedItem['form'],
): string {
  const cited = new Set(paragraph?.citations.map((c) => c.source));
  const kinds = sourceOrder.filter((s) => cited.has(s)).map((s) => sourceLabels[s]);
  if (kinds.length > 0) return kinds.join(' + ');
  if (!paragraph) return form === 'numbered' || form === 'review' ? notRead : noneCited;
  const unread = paragraph.text !== undefined && paragraph.text.trim() !== '' && (paragraph.statements?.length ?? 0) === 0;
  return unread ? notRead : noneCited;
}

// Abbreviations after which a period does not end a sentence.
const abbreviations = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|vs|etc|e\.g|i\.e|No|Nos|pp?|approx|ed|Fig|al|Jr|Sr|Inc|St|[A-Z])\.$/;

/** The first sentence of a paragraph (at most `max` characters, cut at a word with an ellipsis). */
export function firstSentence(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const boundary = /[.!?]["')\]]?(?=\s+["'(\[]?[A-Z0-9])/g;
  let sentence = t;
  for (let m = boundary.exec(t); m; m = boundary.exec(t)) {
    const end = m.index + m[0].length;
    if (abbreviations.test(t.slice(0, m.index + 1))) continue;
    sentence = t.slice(0, end);
    break;
  }
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}

/** The status bar's text: "3 items · 2 upheld · 1 overturned". */
export function countsText(summary: Pick<LetterSummary, 'items' | 'upheld' | 'overturned'>): string {
  const n = summary.items.length;
  return `${n} ${n === 1 ? 'item' : 'items'} · ${summary.upheld} upheld · ${summary.overturned} overturned`;
}

/** The same as a screen reader should say it (the status bar's accessibility label): "IMR letter, 3 items: 2 upheld,
 *  1 overturned". A "·" is silent at NVDA's default punctuation level, and the figures ran together. */
export function countsSpoken(summary: Pick<LetterSummary, 'items' | 'upheld' | 'overturned'>): string {
  const n = summary.items.length;
  return `IMR letter, ${n} ${n === 1 ? 'item' : 'items'}: ${summary.upheld} upheld, ${summary.overturned} overturned`;
}

/** The decision as shown: the normalised word, the word as written, or "No decision". */
export function decisionLabel(row: Pick<ItemRow, 'decision' | 'decisionText'>): string {
  return row.decision ?? (row.decisionText ? row.decisionText : 'No decision');
}

/** A letter's summary with each item's grounds from its context (imr/itemContext): a letter's model has none, the
 *  server reads them. (A folder's rows have theirs.) What the letter's panel shows and its exports write. */
export function withContextGrounds(summary: LetterSummary, contexts: readonly Pick<ItemContext, 'index' | 'grounds'>[]): LetterSummary {
  const byIndex = new Map(contexts.map((c) => [c.index, c.grounds.map((g) => g.kind)]));
  return { ...summary, items: summary.items.map((row) => ({ ...row, grounds: byIndex.get(row.index) ?? row.grounds })) };
}
