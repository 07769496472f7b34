// Completion: citation forms after a guideline label, and the decision words after an item title's colon.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { citationCompletions, type CitationCompletion } from '../knowledge/index';
import type { Position, Range } from '../model';
import { touches, type LetterDocument } from './letterDocument';

function citationItems(replace: Range): CompletionItem[] {
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
    textEdit: { range: replace, newText: f.insertText },
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
    return citationItems({ start: { line: pos.line, character: startChar }, end: pos });
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
