// Completion: citation forms after a guideline label, and the decision words after an item title's colon.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import * as knowledge from '../knowledge/index';
import type { Position } from '../model';
import { touches, type LetterDocument } from './letterDocument';

/** Used until (or unless) the knowledge base offers its own citation completions. */
export const fallbackCitationForms: readonly string[] = [
  'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): ',
  'Decision based on MTUS Low Back Complaints 2004, Section(s): ',
  'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): ',
  'Decision based on MTUS Shoulder Complaints 2004, Section(s): ',
  'Decision based on MTUS Knee Complaints 2004, Section(s): ',
  'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): ',
  'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): ',
  'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ',
  'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., ',
  'The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines.',
  'The Claims Administrator did not cite any medical evidence for its decision.',
];

// The knowledge engineer exports citationCompletions(); read it defensively so this file compiles before and after.
function knowledgeCitationItems(): CompletionItem[] | undefined {
  const provider = (knowledge as Record<string, unknown>).citationCompletions;
  if (typeof provider !== 'function') return undefined;
  try {
    const result: unknown = provider();
    if (!Array.isArray(result)) return undefined;
    const items: CompletionItem[] = [];
    for (const x of result as unknown[]) {
      if (typeof x === 'string') items.push({ label: x, kind: CompletionItemKind.Reference });
      else if (x && typeof x === 'object' && typeof (x as CompletionItem).label === 'string') items.push(x as CompletionItem);
    }
    return items;
  } catch {
    return undefined;
  }
}

function citationItems(): CompletionItem[] {
  return (
    knowledgeCitationItems() ??
    fallbackCitationForms.map((form, i) => ({
      label: form.trim(),
      kind: CompletionItemKind.Reference,
      insertText: form,
      insertTextFormat: InsertTextFormat.PlainText,
      sortText: String(i).padStart(3, '0'),
    }))
  );
}

const guidelineLabel = /\b(MAXIMUS guideline|Claims Administrator guideline):/i;
const decisionWords = ['Upheld', 'Overturned'] as const;
const decisionDocs = {
  Upheld: 'The utilization review denial stands: the service is not authorized.',
  Overturned: 'Found medically necessary: the claims administrator must authorize the service.',
};

function inIssues(doc: LetterDocument, pos: Position): boolean {
  const issues = doc.model.sections.find((s) => s.kind === 'issues');
  if (issues) return pos.line > issues.headingRange.start.line;
  return doc.model.items.length > 0 && pos.line >= doc.model.items[0].range.start.line;
}

function inGuidelineParagraph(doc: LetterDocument, pos: Position): boolean {
  return doc.model.items.some((item) =>
    [item.claimsAdministratorGuideline, item.maximusGuideline].some((p) => p && touches(p.range, pos)),
  );
}

export function getCompletions(doc: LetterDocument, pos: Position): CompletionItem[] {
  const line = doc.lines.lines[pos.line];
  if (!line) return [];
  const before = line.text.slice(0, pos.character);
  const label = guidelineLabel.exec(before);
  if (label || inGuidelineParagraph(doc, pos)) {
    // Only where a citation can start: right after the label, or after a finished sentence.
    const tail = label ? before.slice(label.index + label[0].length) : before;
    if (/^\s*$/.test(tail) || /[.;]\s+\S*$/.test(tail) || /^\s*\S*$/.test(tail)) return citationItems();
    return [];
  }
  // "<title>:  Uph|" — the word being typed after the title's colon.
  const m = /^(.*\S.*?):\s*([A-Za-z]*)$/.exec(before);
  if (m && inIssues(doc, pos) && !/set forth below$/i.test(m[1].trim())) {
    const typed = m[2];
    const start = { line: pos.line, character: pos.character - typed.length };
    return decisionWords.map((word) => ({
      label: word,
      kind: CompletionItemKind.EnumMember,
      detail: 'IMR decision',
      documentation: decisionDocs[word],
      textEdit: { range: { start, end: pos }, newText: word },
    }));
  }
  return [];
}
