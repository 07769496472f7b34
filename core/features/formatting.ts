// Format Document: a letter extracted from a PDF, tidied without changing a word. Blank lines that separate no
// paragraphs go (a double-spaced extract's line after every line, a page break inside a title or a paragraph, the
// form feed that starts a page), the blank lines between paragraphs become one empty line, and each line loses the
// white space around it. Lines are neither joined nor split: the letter keeps its lines, and the parser reads the
// tidied letter as the same letter (test/unit/formatting.test.ts checks it over the corpus).
import type { TextEdit } from 'vscode-languageserver-types';
import { analyseLayout } from '../parser/layout';
import { LineIndex } from '../text/lines';
import { eolOf } from './letterDocument';

/** A line of the tidied letter and the line of the original it comes from. */
interface TidyLine {
  from: number;
  text: string;
}

function tidyLines(lines: LineIndex): TidyLine[] {
  const layout = analyseLayout(lines);
  const out: TidyLine[] = [];
  let breakPending = false;
  for (const line of lines.lines) {
    if (layout.isBlank(line.index)) {
      // Only a break between two paragraphs is kept: none before the first line or after the last.
      if (layout.isBreak(line.index) && out.length > 0) breakPending = true;
      continue;
    }
    if (breakPending) {
      out.push({ from: -1, text: '' });
      breakPending = false;
    }
    // trim() takes the form feed that opens a page with the spaces.
    out.push({ from: line.index, text: line.text.trim() });
  }
  return out;
}

/** The tidied text of a letter (ending with one line break; empty for a text of white space only). */
export function tidyLetter(text: string): string {
  const eol = eolOf(text);
  const lines = tidyLines(new LineIndex(text));
  return lines.length === 0 ? '' : lines.map((l) => l.text + eol).join('');
}

/**
 * The edits that tidy a letter, each on the lines it changes (so that the editor keeps the cursor, folds and
 * marks of the lines left alone): a line's white space, a line removed, an empty line written for a blank one,
 * a line break made the document's own.
 */
export function formattingEdits(text: string, lines: LineIndex = new LineIndex(text)): TextEdit[] {
  const eol = eolOf(text);
  const tidy = tidyLines(lines);
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
      replace(line.end, next, eol);
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
