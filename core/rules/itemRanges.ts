// Helpers the item-level rules share: how an item is named in a message, where its problems are shown,
// and the letter's citations resolved against the knowledge base.
import { type Resolution, resolveCitation } from '../knowledge/resolve';
import type { DisputedItem, GuidelineCitation, LetterModel, Range } from '../model';

/** "item 2 (Physical therapy x 12)": how messages name an item. */
export function itemName(item: DisputedItem): string {
  const name = item.service.trim();
  if (name === '') return `item ${item.index + 1} (untitled)`;
  const service = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  return `item ${item.index + 1} (${service})`;
}

/** A message's first words: "Item 2 (...) is Upheld". */
export function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Where an item is named, for its problems and its symbol: its title as written; an untitled item's decision word,
 * else its first label (an empty range would show nothing to click or underline).
 */
export function itemTitleRange(item: DisputedItem): Range {
  const title = item.title.range;
  if (title.start.line !== title.end.line || title.start.character !== title.end.character) return title;
  const firstLabel = (item.claimsAdministratorGuideline ?? item.maximusGuideline ?? item.rationale)?.labelRange;
  return item.decisionText?.range ?? firstLabel ?? title;
}

/**
 * Whether an item should have the three labelled paragraphs: the 2013 notice's numbered decisions have none, and a
 * Medical Professional Review has its own headings, without the claims administrator's paragraph.
 */
export function hasGuidelineParagraphs(model: LetterModel, item: DisputedItem): boolean {
  return item.form !== 'numbered' && item.form !== 'review' && model.template !== 'notice-2013' && model.template !== 'professional-review';
}

export interface ResolvedCitation {
  citation: GuidelineCitation;
  resolution: Resolution;
}

// Two rules walk the resolved citations of each letter they lint, one after the other: the last letter's walk
// is kept for the next rule. One entry only: nothing outlives the next letter linted.
let lastModel: LetterModel | undefined;
let lastResolved: readonly ResolvedCitation[] = [];

/** Every guideline citation of the letter, each resolved against the knowledge base at the letter's date. */
export function resolvedCitations(model: LetterModel): readonly ResolvedCitation[] {
  if (model === lastModel) return lastResolved;
  const letterDate = model.header?.decisionDate?.value;
  const resolved: ResolvedCitation[] = [];
  for (const item of model.items) {
    for (const citation of item.claimsAdministratorGuideline?.citations ?? []) resolved.push({ citation, resolution: resolveCitation(citation, { letterDate }) });
    for (const citation of item.maximusGuideline?.citations ?? []) resolved.push({ citation, resolution: resolveCitation(citation, { letterDate }) });
  }
  lastModel = model;
  lastResolved = resolved;
  return resolved;
}
