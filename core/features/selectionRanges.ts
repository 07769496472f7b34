// Selection ranges (smart select): word → line → paragraph → labelled paragraph → item → section → letter.
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Position, Range } from '../model';
import { comparePositions, rangeContains } from '../text/lines';
import { touches, type LetterDocument } from './letterDocument';

const wordChar = /[\p{L}\p{N}_'’\-/.]/u;

function wordRange(doc: LetterDocument, pos: Position): Range | undefined {
  const line = doc.lines.lines[pos.line];
  if (!line) return undefined;
  const t = line.text;
  let s = Math.min(pos.character, t.length);
  let e = s;
  while (s > 0 && wordChar.test(t[s - 1])) s--;
  while (e < t.length && wordChar.test(t[e])) e++;
  // Trailing sentence punctuation belongs to the sentence, not the word.
  while (e > s && /[.\-/]/.test(t[e - 1])) e--;
  if (e <= s) return undefined;
  return { start: { line: pos.line, character: s }, end: { line: pos.line, character: e } };
}

function lineRange(doc: LetterDocument, lineNo: number): Range | undefined {
  const r = doc.lines.trimmedLineRange(lineNo);
  return r.end.character > r.start.character ? r : undefined;
}

// A block of text between blank lines; double-spaced letters have one line per block, which is then dropped as a duplicate.
function blockRange(doc: LetterDocument, lineNo: number): Range | undefined {
  if (doc.lines.lines[lineNo].text.trim() === '') return undefined;
  let first = lineNo;
  let last = lineNo;
  while (first > 0 && doc.lines.lines[first - 1].text.trim() !== '') first--;
  while (last + 1 < doc.lines.lineCount && doc.lines.lines[last + 1].text.trim() !== '') last++;
  const a = doc.lines.trimmedLineRange(first);
  const b = doc.lines.trimmedLineRange(last);
  return { start: a.start, end: b.end };
}

function wholeText(doc: LetterDocument): Range {
  return doc.lines.range(0, doc.text.length);
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function chainFor(doc: LetterDocument, pos: Position): SelectionRange {
  const { model } = doc;
  const candidates: Array<Range | undefined> = [wordRange(doc, pos), lineRange(doc, pos.line), blockRange(doc, pos.line)];
  const item = model.items.find((i) => touches(i.range, pos));
  if (item) {
    candidates.push(item.title.range);
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) {
      if (p && touches(p.range, pos)) candidates.push(p.range);
    }
    candidates.push(item.range);
  }
  if (model.header && touches(model.header.range, pos)) candidates.push(model.header.range);
  const section = model.sections.find((s) => touches(s.range, pos));
  if (section) candidates.push(section.range);
  candidates.push(wholeText(doc));

  // Keep only ranges around the cursor, each strictly holding the previous one.
  const ranges = candidates
    .filter((r): r is Range => r !== undefined && touches(r, pos))
    .map((r) => ({ r, size: doc.lines.offsetAt(r.end) - doc.lines.offsetAt(r.start) }))
    .sort((a, b) => a.size - b.size)
    .map((x) => x.r);
  const chain: Range[] = [];
  for (const r of ranges) {
    const last = chain[chain.length - 1];
    if (!last || (rangeContains(r, last) && !sameRange(r, last))) chain.push(r);
  }
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) result = result ? { range: chain[i], parent: result } : { range: chain[i] };
  return result ?? { range: { start: pos, end: pos } };
}

export function getSelectionRanges(doc: LetterDocument, positions: Position[]): SelectionRange[] {
  // One answer per position, in order (the language service has taken each to a place inside the document).
  return positions.map((p) => chainFor(doc, p));
}
