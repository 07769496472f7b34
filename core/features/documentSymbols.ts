// Document symbols: the letter's outline (header, reviewer, sections, and one symbol per disputed item with its paragraphs).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { DisputedItem, LabelledParagraph, Range, Section } from '../model';
import { itemTitleRange } from '../rules/itemRanges';
import { oneLine } from '../text/collapse';
import { union, type LetterDocument } from './letterDocument';

const sectionNames: Record<Section['kind'], string> = {
  'how-made': 'How the IMR Final Determination Was Made',
  'clinical-summary': 'Clinical Case Summary',
  issues: 'Issues, Decisions and Rationales',
  'documents-reviewed': 'Documents Reviewed',
};

const paragraphNames: Record<LabelledParagraph['kind'], string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline',
  'maximus-guideline': 'MAXIMUS guideline',
  'decision-rationale': 'Decision rationale',
};

// Clients reject a symbol whose selection range lies outside its range, or whose children stick out.
function symbol(
  name: string,
  detail: string,
  kind: SymbolKind,
  range: Range,
  selectionRange: Range,
  children?: DocumentSymbol[],
): DocumentSymbol {
  let full = union(range, selectionRange);
  for (const c of children ?? []) full = union(full, c.range);
  const s: DocumentSymbol = { name: name || '(untitled)', detail, kind, range: full, selectionRange };
  if (children) s.children = children;
  return s;
}

/** "Upheld", "Overturned · partial", or the unknown word as written. */
export function itemDetail(item: DisputedItem): string {
  const word = item.decision ?? (item.decisionText ? `${item.decisionText.text} (unknown decision)` : 'no decision');
  const parts = [word];
  if (item.partial) parts.push('partial');
  if (item.retrospective) parts.push('retrospective');
  // A service that goes with a surgery: which one (the Outline and workspace symbols show it beside the title).
  if (item.surgery) parts.push(`with item ${item.surgery.item + 1}`);
  return parts.join(' · ');
}

function paragraphSymbol(p: LabelledParagraph): DocumentSymbol {
  return symbol(paragraphNames[p.kind], oneLine(p.text, 60), SymbolKind.String, p.range, p.labelRange);
}

export function itemSymbol(item: DisputedItem): DocumentSymbol {
  const paragraphs = [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]
    .filter((p): p is LabelledParagraph => p !== undefined)
    .map(paragraphSymbol);
  return symbol(oneLine(item.service, 80), itemDetail(item), SymbolKind.Object, item.range, itemTitleRange(item), paragraphs);
}

export function getDocumentSymbols(doc: LetterDocument): DocumentSymbol[] {
  const { model } = doc;
  const symbols: DocumentSymbol[] = [];
  if (model.header) {
    const h = model.header;
    symbols.push(
      symbol('Case', h.caseNumber?.value ?? '', SymbolKind.Namespace, h.range, h.caseNumber?.range ?? h.range),
    );
  }
  if (model.reviewer) {
    const r = model.reviewer;
    symbols.push(symbol('Reviewer', r.specialties.value.join(', '), SymbolKind.Constructor, r.range, r.range));
  }
  for (const section of model.sections) {
    if (section.kind === 'how-made') continue;
    const children =
      section.kind === 'issues' ? model.items.map(itemSymbol) : undefined;
    const detail = section.kind === 'issues' ? `${model.items.length} item${model.items.length === 1 ? '' : 's'}` : '';
    symbols.push(
      symbol(sectionNames[section.kind], detail, SymbolKind.Module, section.range, section.headingRange, children),
    );
  }
  // Items the parser found without an issues heading still belong in the outline.
  // (A loop, not push(...items): a spread of a hundred thousand arguments overflows the stack.)
  if (!model.sections.some((s) => s.kind === 'issues')) for (const item of model.items) symbols.push(itemSymbol(item));
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The outline as a flat list, for a client without hierarchical document symbols (LSP: SymbolInformation[]): each
 * symbol after its parent, named as its container, its location the symbol's whole range.
 */
export function flattenSymbols(uri: string, symbols: DocumentSymbol[]): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container: string | undefined) => {
    for (const s of list) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container !== undefined) info.containerName = container;
      flat.push(info);
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(symbols, undefined);
  return flat;
}
