// Format Document: a letter extracted from a PDF, tidied without changing a word. Blank lines that separate no
// paragraphs go (a double-spaced extract's line after every line, a page break inside a title or a paragraph, the
// form feed that starts a page), the blank lines between paragraphs become one empty line, and each line loses the
// white space around it. Lines are not split, and joined only when asked (`joinLines`, Prettier's proseWrap "never"):
// then the lines of one paragraph of the letter, as the parser reads it, become one line, which an editor wraps to its
// width instead of the PDF's. Either way the parser reads the tidied letter as the same letter
// (test/unit/formatting.test.ts checks it over the corpus).
import type { TextEdit } from 'vscode-languageserver-types';
import type { LetterModel } from '../model';
import { analyseLayout } from '../parser/layout';
import { parseLetter } from '../parser/parseLetter';
import { LineIndex } from '../text/lines';
import { eolOf } from './letterDocument';

export interface FormatOptions {
  /** Join the lines of each paragraph into one (default: each line kept). */
  joinLines?: boolean;
  /** The letter's model, when the caller has it: the paragraphs whose lines may be joined. */
  model?: LetterModel;
}

/** A line of the tidied letter and the line of the original it comes from; `joined`: it goes on the line before. */
interface TidyLine {
  from: number;
  text: string;
  joined?: boolean;
}

function tidyLines(lines: LineIndex, options: FormatOptions): TidyLine[] {
  const layout = analyseLayout(lines);
  const paragraphOf = paragraphsOf(lines, options.model ?? parseLetter(lines));
  const out: TidyLine[] = [];
  let breakPending = false;
  for (const line of lines.lines) {
    // Page furniture the parser reads past is text all the same: not a word changed.
    if (layout.isBlank(line.index) && !layout.isFurniture(line.index)) {
      // Only a break between two paragraphs is kept: none before the first line or after the last.
      if (layout.isBreak(line.index) && out.length > 0) breakPending = true;
      continue;
    }
    // trim() takes the form feed that opens a page with the spaces.
    const text = line.text.trim();
    const previous = out[out.length - 1];
    const sameParagraph = paragraphOf[line.index] !== undefined && paragraphOf[line.index] === paragraphOf[previous?.from];
    // A page break the layout took for a paragraph's end, in the middle of a sentence ("providing gentle" / page /
    // "decompression of the ..."): the parser reads on across it, and so does the tidied letter.
    const gap = breakPending && !(sameParagraph && MID_SENTENCE_END_RE.test(previous.text) && LOWER_START_RE.test(text));
    if (gap) out.push({ from: -1, text: '' });
    breakPending = false;
    const joined =
      options.joinLines === true &&
      !gap &&
      previous !== undefined &&
      previous.from >= 0 &&
      paragraphOf[line.index] !== undefined &&
      paragraphOf[line.index] === paragraphOf[previous.from] &&
      !LIST_ITEM_RE.test(text) &&
      !LINK_AT_END_RE.test(previous.text);
    out.push(joined ? { from: line.index, text, joined } : { from: line.index, text });
  }
  return out;
}

// A line that ends with a word or a comma, and one that starts with a small letter: a sentence going on.
const MID_SENTENCE_END_RE = /[\p{L}\p{N},]$/u;
const LOWER_START_RE = /^\p{Ll}/u;
// "1) ...", "- ...", "• ...": a list's items keep their lines.
const LIST_ITEM_RE = /^(?:\(?\d{1,2}[.)]|[-•*·])\s/;
// A link at a line's end may go on on the next line, which the parser joins across the line break only.
const LINK_AT_END_RE = /(?:https?:\/\/|www\.)\S*$/i;

/**
 * For each line, the paragraph of the letter it belongs to (an id), where its lines may be joined: an item's title
 * (not its last line, which holds the decision), each of its labelled paragraphs, and the running text of a section
 * after its heading. The header's fields, the headings and the lines of an item no paragraph holds keep their lines.
 */
function paragraphsOf(lines: LineIndex, model: LetterModel): (number | undefined)[] {
  const of: (number | undefined)[] = new Array(lines.lineCount);
  let id = 0;
  const mark = (from: number, to: number, paragraph: number | undefined) => {
    for (let l = Math.max(0, from); l <= to && l < of.length; l++) of[l] = paragraph;
  };
  if (!model.isLetter) return of;
  for (const s of model.sections) mark(s.headingRange.end.line + 1, s.range.end.line, id++);
  for (const item of model.items) {
    mark(item.range.start.line, item.range.end.line, undefined);
    const titleEnd = item.decisionText?.range.start.line ?? item.title.range.end.line;
    mark(item.title.range.start.line, titleEnd - 1, id++);
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) if (p) mark(p.range.start.line, p.range.end.line, id++);
  }
  return of;
}

/** The tidied text of a letter (ending with one line break; empty for a text of white space only). */
export function tidyLetter(text: string, options: FormatOptions = {}): string {
  const eol = eolOf(text);
  const lines = tidyLines(new LineIndex(text), options);
  if (lines.length === 0) return '';
  let out = '';
  lines.forEach((l, i) => {
    out += (i === 0 ? '' : l.joined ? ' ' : eol) + l.text;
  });
  return out + eol;
}

/**
 * The edits that tidy a letter, each on the lines it changes (so that the editor keeps the cursor, folds and
 * marks of the lines left alone): a line's white space, a line removed, an empty line written for a blank one,
 * a line break made the document's own.
 */
export function formattingEdits(text: string, lines: LineIndex = new LineIndex(text), options: FormatOptions = {}): TextEdit[] {
  const eol = eolOf(text);
  const tidy = tidyLines(lines, options);
  // Edits as offsets first: a run of removed lines (a page of blank lines) is merged into one deletion as it grows,
  // and turned into positions once.
  const edits: { from: number; to: number; newText: string }[] = [];
  const all = lines.lines;
  const lineStart = (i: number) => (i < all.length ? all[i].start : text.length);
  const replace = (from: number, to: number, newText: string) => {
    if (to - from === newText.length && text.startsWith(newText, from)) return;
    const last = edits[edits.length - 1];
    if (last && last.to === from && last.newText === '' && newText === '') last.to = to;
    else edits.push({ from, to, newText });
  };
  let k = 0;
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    const next = lineStart(i + 1);
    const kept = tidy[k];
    if (kept && kept.from === i) {
      // The white space before and after the words, each its own deletion: the words, and a cursor among them, stay.
      const lead = line.text.indexOf(kept.text);
      replace(line.start, line.start + lead, '');
      replace(line.start + lead + kept.text.length, line.end, '');
      // The line break, or a space when the next line goes on this one (blank lines between go with it).
      replace(line.end, next, tidy[k + 1]?.joined ? ' ' : eol);
      k++;
    } else if (kept && kept.from === -1 && k > 0) {
      // A blank line between paragraphs: it stays, emptied (the first of a run; the rest go).
      replace(line.start, line.end, '');
      replace(line.end, next, eol);
      k++;
    } else {
      replace(line.start, next, '');
    }
  }
  return edits.map((e) => ({ range: { start: lines.positionAt(e.from), end: lines.positionAt(e.to) }, newText: e.newText }));
}
