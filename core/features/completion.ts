// Completion: citation forms after a guideline label, and the decision words after an item title's colon.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { citationCompletions, type CitationCompletion } from '../knowledge/index';
import type { Position, Range } from '../model';
import { touches, type LetterDocument } from './letterDocument';

function citationItems(replace: Range, before: string, after: string): CompletionItem[] {
  let forms: CitationCompletion[];
  try {
    forms = citationCompletions();
  } catch {
    return [];
  }
  return forms.map((f, i) => ({
    label: f.label,
    kind: CompletionItemKind.Reference,
    detail: f.detail,
    documentation: { kind: MarkupKind.Markdown, value: f.documentation },
    filterText: f.insertText,
    sortText: String(i).padStart(5, '0'),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: replace, newText: `${before}${f.insertText}${after}` },
  }));
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

/** Whether the position is in one of an item's guideline paragraphs, or (`rationaleToo`) in any of its paragraphs. */
function inParagraph(doc: LetterDocument, pos: Position, rationaleToo = false): boolean {
  return doc.model.items.some((item) =>
    [item.claimsAdministratorGuideline, item.maximusGuideline, rationaleToo ? item.rationale : undefined].some((p) => p && touches(p.range, pos)),
  );
}

export function getCompletions(doc: LetterDocument, pos: Position): CompletionItem[] {
  const line = doc.lines.lines[pos.line];
  if (!line) return [];
  const before = line.text.slice(0, pos.character);
  const label = guidelineLabel.exec(before);
  if (label || inParagraph(doc, pos)) {
    // Only where a citation can start: right after the label, at the start of a line, or after a finished sentence;
    // what has been typed of it since is replaced.
    const tail = label ? before.slice(label.index + label[0].length) : before;
    const sentence = /[.;]\s+(?=[^.;]*$)/.exec(tail);
    let from: number;
    if (sentence) from = sentence.index + sentence[0].length;
    else if (label || tail.trim() === '') from = tail.length - tail.trimStart().length;
    else return [];
    const typed = tail.slice(from);
    if (typed.length > 0 && !/^[A-Za-z][\w\s(),-]*$/.test(typed)) return [];
    const startChar = pos.character - typed.length;
    // A space between the label's colon (or a sentence's stop) and the citation, and between it and text after it.
    const glued = startChar > 0 && /[:.;]$/.test(line.text.slice(0, startChar));
    const followed = /^\S/.test(line.text.slice(pos.character));
    return citationItems({ start: { line: pos.line, character: startChar }, end: pos }, glued ? ' ' : '', followed ? ' ' : '');
  }
  // "<title>:  Uph|" — the word being typed after the title's colon (not a colon in a paragraph: "as follows:").
  const m = /^(.*\S.*?):\s*([A-Za-z]*)$/.exec(before);
  if (m && inIssues(doc, pos) && !inParagraph(doc, pos, true) && !/set forth below$/i.test(m[1].trim())) {
    const typed = m[2];
    const start = { line: pos.line, character: pos.character - typed.length };
    // The whole word under the cursor is replaced: "Uph|led" becomes "Upheld", not "Upheldled".
    const end = { line: pos.line, character: pos.character + (/^[A-Za-z]*/.exec(line.text.slice(pos.character))?.[0].length ?? 0) };
    return decisionWords.map((word) => ({
      label: word,
      kind: CompletionItemKind.EnumMember,
      detail: 'IMR decision',
      documentation: decisionDocs[word],
      textEdit: { range: { start, end }, newText: word },
    }));
  }
  return [];
}
