// What the workspace says of each item of a letter: the guideline sections its reviewer's citations resolve to, and
// how the workspace's other items for the same service were decided. The letter's summary panel shows it beside
// each item, as the title's hover and Find All References do in the editor.
import { citedSections } from '../knowledge/sections';
import type { LetterDocument, WorkspaceLetter } from './letterDocument';
import { serviceStats, type ServiceStats } from './serviceReferences';

export interface ItemContext {
  index: number;
  /** "MTUS Chronic Pain: Opioids", as the folder summary counts items by them; none when no citation resolves. */
  sections: string[];
  /** The workspace's other items for the same service; absent without the workspace's letters. */
  sameService?: ServiceStats;
}

export function getItemContext(doc: LetterDocument, letters?: Iterable<WorkspaceLetter>): ItemContext[] {
  const all = letters ? [...letters] : undefined;
  return doc.model.items.map((item) => ({
    index: item.index,
    sections: citedSections(item.maximusGuideline?.citations ?? []),
    ...(all ? { sameService: serviceStats(doc, item, all) } : {}),
  }));
}
