// The grounds an item's rationale gives (core/parser/grounds.ts), each with the range of the sentence it was read from.
import type { DisputedItem, GroundKind, Range } from '../model';
import { readGrounds, surgeryGround } from '../parser/grounds';
import { CollapsedText } from '../text/collapse';
import { comparePositions } from '../text/lines';
import type { LetterDocument } from './letterDocument';

export interface ItemGround {
  kind: GroundKind;
  /** The sentence that gives it, in the document. */
  range: Range;
}

// Each item's grounds, read once per parse: the semantic tokens (after every edit), the hovers and the summary
// panel's context all ask for them. An item belongs to one parse of one document, so it is the key.
const read = new WeakMap<DisputedItem, readonly ItemGround[]>();

/** The grounds of an item (core/parser/grounds.ts, itemGroundKinds), in the order of their sentences. */
export function itemGrounds(doc: LetterDocument, item: DisputedItem): readonly ItemGround[] {
  let grounds = read.get(item);
  if (!grounds) {
    const found = rationaleGrounds(doc, item);
    const surgery = surgeryGround(item);
    if (surgery && item.surgeryDependence) found.push({ kind: surgery, range: item.surgeryDependence.range });
    read.set(item, (grounds = found.sort((a, b) => comparePositions(a.range.start, b.range.start))));
  }
  return grounds;
}

/** Each kind once, at the first sentence that gives it: what the title's hover and the summary panel name. */
export function firstOfEachKind(grounds: readonly ItemGround[]): ItemGround[] {
  const seen = new Set<GroundKind>();
  return grounds.filter((g) => !seen.has(g.kind) && seen.add(g.kind));
}

function rationaleGrounds(doc: LetterDocument, item: DisputedItem): ItemGround[] {
  const rationale = item.rationale;
  if (!rationale?.textRange) return [];
  const collapsed = new CollapsedText(doc.lines, doc.lines.offsetAt(rationale.textRange.start), doc.lines.offsetAt(rationale.textRange.end));
  // The model's text is this collapsed text; if a layout built it otherwise, its offsets would not map back.
  if (collapsed.text !== rationale.text) return [];
  return readGrounds(collapsed.text, item.service).map((g) => ({ kind: g.kind, range: collapsed.range(g.from, g.to) }));
}
