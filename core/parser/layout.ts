// Which blank lines separate paragraphs. PDF extracts disagree: pypdf writes a paragraph break as a line
// holding only spaces and leaves truly empty lines at page breaks; double-spaced extracts put an empty
// line after every line; hand-typed letters use empty lines.
import { trimEndIndex, trimStartIndex } from '../text/chars';
import type { LineIndex } from '../text/lines';
import { splitAtDecisionWord } from './title';
import { ocrDecision } from '../text/ocrFold';

export type BreakStyle = 'space-only' | 'double-spaced' | 'plain';

export interface Layout {
  style: BreakStyle;
  /** Whether the line is blank (white space only), or page furniture. */
  isBlank(line: number): boolean;
  /** Whether the line separates paragraphs. */
  isBreak(line: number): boolean;
  /** Whether the line is page furniture: a running header or footer, not the letter's text. */
  isFurniture(line: number): boolean;
  /** The page furniture's lines, as [start, end) offsets in order: what a paragraph's text leaves out. */
  furniture: readonly (readonly [number, number])[];
}

export function analyseLayout(doc: LineIndex): Layout {
  const lines = doc.lines;
  // 0 text, 1 empty, 2 spaces only. A plain array: allocating a typed array costs more than filling this one.
  const blank: number[] = [];
  let spaceOnly = 0;
  let empty = 0;
  let textLines = 0;
  let longLines = 0;
  let textFollowedByEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    if (end === start) {
      blank.push(1);
      empty++;
    } else if (trimStartIndex(doc.text, start, end) === end) {
      blank.push(2);
      spaceOnly++;
    } else {
      blank.push(0);
      textLines++;
      if (end - start > 160) longLines++;
      if (i + 1 < lines.length && lines[i + 1].end === lines[i + 1].start) textFollowedByEmpty++;
    }
  }
  let style: BreakStyle;
  // pypdf's gaps hold spaces, and its page breaks are the rare empty lines; a letter typed or edited by hand, with
  // a stray line of spaces or two, has its gaps empty.
  if (spaceOnly >= 2 && spaceOnly > empty) style = 'space-only';
  // A double-spaced extract's lines are the page's (under 100 characters); a letter whose paragraphs are each one line
  // (Format Document's joinLines) has the same empty line after each, and lines of hundreds.
  else if (textLines >= 8 && textFollowedByEmpty >= textLines * 0.7 && longLines <= textLines * 0.1) style = 'double-spaced';
  else style = 'plain';

  // 3: page furniture, read as a blank line that is part of a page break.
  const furnitureLines = doc.text.includes('\f') ? pageFurniture(doc, blank) : [];
  for (const l of furnitureLines) blank[l] = 3;
  const isBlank = (line: number) => line >= 0 && line < lines.length && blank[line] !== 0;
  let paragraphBreak: (line: number) => boolean;
  if (style === 'space-only')
    // A page break leaves one empty line, even inside a title; two or more in a row separate paragraphs, and so does
    // one before a whole title on its line ("Lumbar brace: Upheld", typed into the letter with an empty line).
    paragraphBreak = (line) =>
      line >= 0 &&
      line < lines.length &&
      (blank[line] === 2 ||
        (blank[line] === 1 &&
          ((line > 0 && blank[line - 1] === 1) || (line + 1 < lines.length && (blank[line + 1] === 1 || (blank[line + 1] === 0 && isWholeTitleLine(lines[line + 1].text)))))));
  else if (style === 'double-spaced')
    paragraphBreak = (line) => isBlank(line) && (isBlank(line - 1) || isBlank(line + 1));
  else paragraphBreak = isBlank;
  // pdftotext ends each page with an empty line and starts the next with a form feed, inside a title or a
  // paragraph as anywhere else: the blank lines of a page break never separate paragraphs.
  const pageBreaks = doc.text.includes('\f') ? pageBreakLines(doc, blank) : undefined;
  for (const l of furnitureLines) pageBreaks?.add(l);
  const isBreak = pageBreaks ? (line: number) => !pageBreaks.has(line) && paragraphBreak(line) : paragraphBreak;
  return {
    style,
    isBlank,
    isBreak,
    isFurniture: (line) => blank[line] === 3,
    furniture: furnitureLines.map((l) => [lines[l].start, lines[l].end] as const),
  };
}

// A title and its decision on one line, starting with a capital: "Lumbar brace: Upheld". A title's last line after a
// page break inside it goes on with its sentence, in lower case ("and occupational therapy ... is: Overturned"). The
// decision word is read as the title's is (title.ts): OCR may read the colon as a semicolon, and misread the word.
export function isWholeTitleLine(text: string): boolean {
  // Both decisions end in "d": most lines are spared the rest.
  const end = trimEndIndex(text, 0, text.length);
  if (end === 0 || (text.charCodeAt(end - 1) | 32) !== 100 /* d */) return false;
  const first = text.charCodeAt(trimStartIndex(text, 0, end));
  if (!((first >= 65 && first <= 90) || (first >= 48 && first <= 57))) return false;
  const split = splitAtDecisionWord(text);
  if (!split) return false;
  // The colon (or semicolon) before the decision, spaces aside; not the line's first character.
  const colon = trimEndIndex(text, 0, split.titleEnd + 1) - 1;
  const c = text.charCodeAt(colon);
  return colon > 0 && (c === 58 /* : */ || c === 59 /* ; */) && trimStartIndex(text, 0, colon) < colon;
}

/** The blank lines that hold a form feed, and those just before a line that starts with one. */
function pageBreakLines(doc: LineIndex, blank: readonly number[]): Set<number> {
  const found = new Set<number>();
  const { lines, text } = doc;
  for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) {
    const line = doc.lineAt(at);
    if (blank[line] !== 0) {
      // A line of its own (MuPDF's): it and the empty lines around it are the page break (a line of spaces beside
      // it is the gap of a paragraph that ended with the page).
      found.add(line);
      for (let l = line - 1; l >= 0 && blank[l] === 1; l--) found.add(l);
      for (let l = line + 1; l < blank.length && blank[l] === 1; l++) found.add(l);
    } else if (trimStartIndex(text, lines[line].start, at) === at) {
      // The form feed opens the line (after white space, if any): the blank lines before it end the page.
      for (let l = line - 1; l >= 0 && blank[l] !== 0; l--) found.add(l);
    }
  }
  return found;
}

// The longest line read as page furniture, and the lines it never is: a label's, or one that ends with a decision.
const FURNITURE_MAX_LENGTH = 80;
const NOT_FURNITURE_RE = /^(?:claims\s+administrator\s+guideline|maximus\s+guideline|decision\s+rationale)\s*:/i;

/**
 * The lines of page furniture in a text with form feeds (as OCR writes pages): the first or last line of text of a
 * page that recurs, digits aside, at another page's edge and nowhere else in the letter ("Page 2 of 5", a fax
 * machine's header line "JAN-12-2017 10:31 FROM:... P.2/5", a logo). Sorted.
 */
function pageFurniture(doc: LineIndex, blank: readonly number[]): number[] {
  const { lines, text } = doc;
  const edges = new Set<number>();
  const textLineFrom = (line: number, step: 1 | -1) => {
    let l = line;
    while (l >= 0 && l < lines.length && blank[l] !== 0) l += step;
    return l >= 0 && l < lines.length ? l : -1;
  };
  let besidePageBreak = false;
  for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) {
    const line = doc.lineAt(at);
    const { start, end } = lines[line];
    // The previous page's last line of text, and the next page's first.
    const last = trimStartIndex(text, start, at) === at ? textLineFrom(line - 1, -1) : line;
    const first = trimStartIndex(text, at + 1, end) < end ? line : textLineFrom(line + 1, 1);
    for (const l of [last, first]) if (l >= 0) edges.add(l);
    besidePageBreak = true;
  }
  if (!besidePageBreak) return [];
  // The letter's first and last lines of text are page edges too.
  const pageEdges = [...edges];
  for (const l of [textLineFrom(0, 1), textLineFrom(lines.length - 1, -1)]) if (l >= 0) edges.add(l);
  const keyOf = (line: number): string | undefined => {
    const { start, end } = lines[line];
    if (end - start > FURNITURE_MAX_LENGTH + 10) return undefined;
    const written = text.slice(start, end).replace(/\f/g, '').trim();
    if (written.length < 3 || written.length > FURNITURE_MAX_LENGTH || NOT_FURNITURE_RE.test(written)) return undefined;
    if (ocrDecision(written.slice(written.lastIndexOf(' ') + 1).replace(/^.*[:;]/, '')) !== undefined) return undefined;
    return written.replace(/\s+/g, ' ').replace(/\d/g, '0');
  };
  const atEdges = new Map<string, number[]>();
  for (const l of edges) {
    const key = keyOf(l);
    if (key !== undefined) atEdges.set(key, [...(atEdges.get(key) ?? []), l]);
  }
  const found: number[] = [];
  for (const [key, at] of atEdges) {
    if (at.length < 2 || !at.some((l) => pageEdges.includes(l))) continue;
    // Furniture is at the pages' edges only: a line of the letter recurs elsewhere too.
    let elsewhere = false;
    for (let l = 0; l < lines.length && !elsewhere; l++) elsewhere = !edges.has(l) && blank[l] === 0 && keyOf(l) === key;
    if (!elsewhere) found.push(...at);
  }
  return found.sort((a, b) => a - b);
}
