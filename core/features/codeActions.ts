// Quick fixes: correct a decision word (or align it with the rationale), insert a missing labelled paragraph in its place with a placeholder, remove a repeated item.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DisputedItem, LabelledParagraph, ParagraphKind, Position, Range } from '../model';
import { guidelinePlaceholder } from '../rules/missingParagraph';
import type { UnknownDecisionData } from '../rules/unknownDecision';
import { comparePositions } from '../text/lines';
import { eolOf, isBlankLine, type LetterDocument } from './letterDocument';

/** Placeholders say what to write; they avoid words the rules read (e.g. "medically necessary"). */
export const placeholders: Record<ParagraphKind, string> = {
  'claims-administrator-guideline': '[The guideline the claims administrator based its decision on.]',
  'maximus-guideline': guidelinePlaceholder,
  'decision-rationale': '[The expert reviewer\'s reasons for the decision.]',
};

export const labels: Record<ParagraphKind, string> = {
  'claims-administrator-guideline': 'Claims Administrator guideline:',
  'maximus-guideline': 'MAXIMUS guideline:',
  'decision-rationale': 'Decision rationale:',
};

const order: ParagraphKind[] = ['claims-administrator-guideline', 'maximus-guideline', 'decision-rationale'];

const ruleParagraph: Record<string, ParagraphKind> = {
  'missing-rationale': 'decision-rationale',
  'missing-guideline': 'maximus-guideline',
  'missing-claims-administrator-guideline': 'claims-administrator-guideline',
};

function paragraphOf(item: DisputedItem, kind: ParagraphKind): LabelledParagraph | undefined {
  if (kind === 'claims-administrator-guideline') return item.claimsAdministratorGuideline;
  if (kind === 'maximus-guideline') return item.maximusGuideline;
  return item.rationale;
}

/** The edit that adds (or fills) an item's paragraph of the given kind. */
export function insertParagraphEdit(doc: LetterDocument, item: DisputedItem, kind: ParagraphKind): TextEdit {
  const existing = paragraphOf(item, kind);
  if (existing) {
    return { range: { start: existing.labelRange.end, end: existing.range.end }, newText: ` ${placeholders[kind]}` };
  }
  // After the last paragraph that comes before this one in the letter's order, else after the title.
  let after: Range = item.title.range;
  if (item.decisionText && comparePositions(item.decisionText.range.end, after.end) > 0) after = item.decisionText.range;
  for (const k of order.slice(0, order.indexOf(kind))) {
    const p = paragraphOf(item, k);
    if (p && comparePositions(p.range.end, after.end) > 0) after = p.range;
  }
  const eol = eolOf(doc);
  // At the end of the line, so trailing spaces stay where they were.
  const at = { line: after.end.line, character: doc.lines.lines[after.end.line].text.length };
  // Keep the letter's spacing: a blank line between paragraphs if the letter has one there.
  const next = after.end.line + 1;
  const blank = isBlankLine(doc, next) ? `${eol}${doc.lines.lines[next].text}${eol}` : eol;
  return { range: { start: at, end: at }, newText: `${blank}${labels[kind]} ${placeholders[kind]}` };
}

function decisionFixes(doc: LetterDocument, d: Diagnostic): CodeAction[] {
  const data = d.data as UnknownDecisionData | undefined;
  const item = data && doc.model.items[data.item];
  if (!data || !item || !Array.isArray(data.suggestions)) return [];
  return data.suggestions.map((word, i) => {
    // A decision as written is replaced; a missing one is appended to the title, after its colon if it has one.
    const edit: TextEdit = item.decisionText ? { range: item.decisionText.range, newText: word } : addedDecision(doc, item.title.range.end, word);
    return {
      title: item.decisionText ? `Change "${item.decisionText.text}" to "${word}"` : `Add the decision "${word}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: i === 0 && data.suggestions.length === 1,
      edit: { changes: { [doc.uri]: [edit] } },
    };
  });
}

/** Inserts a decision word after a title that ends at `titleEnd`: after the colon that follows it, or with one. */
function addedDecision(doc: LetterDocument, titleEnd: Position, word: string): TextEdit {
  // The title's range stops before its colon ("MRI of the lumbar spine:"), which may follow after spaces.
  const colon = /^\s*:/.exec(doc.lines.lines[titleEnd.line]?.text.slice(titleEnd.character) ?? '');
  const at = colon ? { line: titleEnd.line, character: titleEnd.character + colon[0].length } : titleEnd;
  return { range: { start: at, end: at }, newText: colon ? ` ${word}` : `: ${word}` };
}

function conflictFix(doc: LetterDocument, d: Diagnostic): CodeAction[] {
  const data = d.data as { item?: number } | undefined;
  const item = typeof data?.item === 'number' ? doc.model.items[data.item] : undefined;
  if (!item?.decisionText || !item.decision) return [];
  const word = item.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  return [
    {
      title: `Change the decision to "${word}", as the rationale concludes`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      // The rationale may be the wrong half: the user decides.
      isPreferred: false,
      edit: { changes: { [doc.uri]: [{ range: item.decisionText.range, newText: word }] } },
    },
  ];
}

function duplicateFix(doc: LetterDocument, d: Diagnostic): CodeAction[] {
  const data = d.data as { item?: number } | undefined;
  const item = typeof data?.item === 'number' ? doc.model.items[data.item] : undefined;
  if (!item) return [];
  // From the end of what precedes the item (its blank separator lines included) to the end of the item.
  let line = item.range.start.line;
  while (line > 0 && isBlankLine(doc, line - 1)) line--;
  const start = line > 0 ? { line: line - 1, character: doc.lines.lines[line - 1].text.length } : { line: 0, character: 0 };
  const endLine = doc.lines.lines[item.range.end.line];
  const end = { line: item.range.end.line, character: endLine.text.length };
  return [
    {
      title: `Remove the repeated item ${item.index + 1}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: false,
      edit: { changes: { [doc.uri]: [{ range: { start, end }, newText: '' }] } },
    },
  ];
}

function paragraphFix(doc: LetterDocument, d: Diagnostic, kind: ParagraphKind): CodeAction[] {
  const data = d.data as { item?: number; placeholder?: boolean } | undefined;
  const item = typeof data?.item === 'number' ? doc.model.items[data.item] : undefined;
  // A placeholder is there already: only the user can write what replaces it.
  if (!item || data?.placeholder) return [];
  const existing = paragraphOf(item, kind);
  return [
    {
      title:
        kind === 'maximus-guideline'
          ? existing
            ? `Put a placeholder to fill in (the guideline cited) in the empty "${labels[kind]}" paragraph`
            : `Insert a "${labels[kind]}" paragraph with a placeholder to fill in (the guideline cited)`
          : existing
            ? `Fill in the empty "${labels[kind]}" paragraph`
            : `Insert a "${labels[kind]}" paragraph`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [insertParagraphEdit(doc, item, kind)] } },
    },
  ];
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Quick fixes for the given diagnostics (the document's own lint results) that touch the range. */
export function getCodeActions(doc: LetterDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!overlaps(d.range, range)) continue;
    if (d.code === 'unknown-decision') actions.push(...decisionFixes(doc, d));
    if (d.code === 'decision-rationale-conflict') actions.push(...conflictFix(doc, d));
    if (d.code === 'duplicate-item') actions.push(...duplicateFix(doc, d));
    const kind = typeof d.code === 'string' ? ruleParagraph[d.code] : undefined;
    if (kind) actions.push(...paragraphFix(doc, d, kind));
  }
  return actions;
}
