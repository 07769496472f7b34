// The grounds an item's rationale gives (core/parser/grounds.ts), each with the range of the sentence it was read from.
import type { DisputedItem, GroundKind, Range } from '../model';
import { readGrounds } from '../parser/grounds';
import { CollapsedText } from '../text/collapse';
import type { LetterDocument } from './letterDocument';

export interface ItemGround {
  kind: GroundKind;
  /** The sentence that gives it, in the document. */
  range: Range;
}

export function itemGrounds(doc: LetterDocument, item: DisputedItem): ItemGround[] {
  const rationale = item.rationale;
  if (!rationale?.textRange) return [];
  const collapsed = new CollapsedText(doc.lines, doc.lines.offsetAt(rationale.textRange.start), doc.lines.offsetAt(rationale.textRange.end));
  // The model's text is this collapsed text; if a layout built it otherwise, its offsets would not map back.
  if (collapsed.text !== rationale.text) return [];
  return readGrounds(collapsed.text, item.service).map((g) => ({ kind: g.kind, range: collapsed.range(g.from, g.to) }));
}
