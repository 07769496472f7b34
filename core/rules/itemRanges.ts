// Helpers the item-level rules share: how an item is named in a message and where its problems are shown.
import type { DisputedItem, LetterModel, Range } from '../model';

/** "item 2 (Physical therapy x 12)": how messages name an item. */
export function itemName(item: DisputedItem): string {
  const service = item.service.length > 60 ? `${item.service.slice(0, 57)}...` : item.service;
  return `item ${item.index + 1} (${service})`;
}

/** Item-level problems are shown on the item's title as written. */
export function itemTitleRange(item: DisputedItem): Range {
  return item.title.range;
}

/** Whether the letter's template gives each item the labelled guideline paragraphs (the 2013 notice does not). */
export function hasGuidelineParagraphs(model: LetterModel): boolean {
  return model.template !== 'notice-2013';
}
