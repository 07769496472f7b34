// Go to Definition inside a letter: from a service that goes with a surgery to that surgery. The origin is the
// rationale's words that rest on the surgery's fate ("As the requested surgical intervention is not medically
// necessary"), or the service's title; the target, the surgery's item, its title selected.
import type { LocationLink } from 'vscode-languageserver-types';
import type { Position } from '../model';
import { itemTitleRange } from '../rules/itemRanges';
import { touches, type LetterDocument } from './letterDocument';

export function getDefinition(doc: LetterDocument, position: Position): LocationLink[] | null {
  for (const item of doc.model.items) {
    const surgery = item.surgery && doc.model.items[item.surgery.item];
    if (!surgery || !touches(item.range, position)) continue;
    const origin = [item.surgeryDependence?.range, item.title.range].find((r) => r && touches(r, position));
    if (!origin) return null;
    return [{ originSelectionRange: origin, targetUri: doc.uri, targetRange: surgery.range, targetSelectionRange: itemTitleRange(surgery) }];
  }
  return null;
}
