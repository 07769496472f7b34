// What the workspace says of each item of a letter: the guideline sections its reviewer's citations resolve to (or,
// for a decision on other guidelines, the MTUS section on its service), and how the workspace's other items for the
// same service were decided. The letter's summary panel shows it beside
// each item, as the title's hover and Find All References do in the editor.
import { mtusNotCited } from '../knowledge/mtusNotCited';
import { citedSections, sectionLabel } from '../knowledge/sections';
import type { LetterDocument, WorkspaceLetter } from './letterDocument';
import type { GroundKind } from '../model';
import { firstOfEachKind, itemGrounds } from './grounds';
import { serviceStatsOf, type ServiceStats } from './serviceReferences';

export interface ItemContext {
  index: number;
  /** "MTUS Chronic Pain: Opioids", as the folder summary counts items by them; none when no citation resolves. */
  sections: string[];
  /** The MTUS section on the item's service when its reviewer cited none of the MTUS (knowledge/mtusNotCited.ts). */
  mtusNotCited?: string;
  /** The grounds its rationale gives (core/parser/grounds.ts), each once, with the line of the first sentence giving it. */
  grounds: { kind: GroundKind; line: number }[];
  /** The workspace's other items for the same service; absent without the workspace's letters. */
  sameService?: ServiceStats;
}

export function getItemContext(doc: LetterDocument, letters?: Iterable<WorkspaceLetter>): ItemContext[] {
  // Every item's precedents at once: each kind of service tallied once, not once an item.
  const sameService = letters ? serviceStatsOf(doc, doc.model.items, letters) : undefined;
  const decided = doc.model.header?.decisionDate?.value;
  return doc.model.items.map((item, i) => {
    const mtus = mtusNotCited(item, decided);
    return {
      index: item.index,
      sections: citedSections(item.maximusGuideline?.citations ?? []),
      ...(mtus ? { mtusNotCited: sectionLabel(mtus) } : {}),
      grounds: firstOfEachKind(itemGrounds(doc, item)).map((g) => ({ kind: g.kind, line: g.range.start.line })),
      ...(sameService ? { sameService: sameService[i] } : {}),
    };
  });
}
