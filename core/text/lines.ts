// Lines of a text with their offsets, and conversions between offsets and LSP positions.
// JavaScript strings are UTF-16, so a character offset within a line is already an LSP character.
import type { Position, Range } from 'vscode-languageserver-types';
import { trimEndIndex, trimStartIndex } from './chars';

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** The line's text without its line break. */
  text: string;
}

export class LineIndex {
  readonly lines: Line[];
  private doubleSpaceOffsets?: number[] | null;
  private lastLine = 0;
  /** Whether a '\r' stands alone somewhere (found once: both the line split and `doubleSpaces` need it). */
  private readonly loneCarriageReturn: boolean;

  constructor(readonly text: string) {
    this.loneCarriageReturn = hasLoneCarriageReturn(text);
    this.lines = splitLines(text, this.loneCarriageReturn);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /**
   * Where the runs of two or more spaces start, in order, when ' ' and line breaks ('\n', '\r\n') are the text's
   * only white space (then line breaks and these runs are all that collapsing has to find); null when the text
   * has other white space (tabs, a lone CR, no-break spaces, ...). Computed on first use.
   */
  get doubleSpaces(): readonly number[] | null {
    if (this.doubleSpaceOffsets === undefined)
      this.doubleSpaceOffsets = this.loneCarriageReturn || hasOtherWhiteSpace(this.text) ? null : findDoubleSpaces(this.text);
    return this.doubleSpaceOffsets;
  }

  /** The number of the line that holds an offset (its line break included); offsets past the end are on the last line. */
  lineAt(offset: number): number {
    const lines = this.lines;
    // The parser asks for offsets in reading order, mostly on the line of the last answer or the next:
    // those two are tried before the binary search.
    const last = this.lastLine;
    if (last < lines.length && lines[last].start <= offset) {
      if (last + 1 === lines.length || offset < lines[last + 1].start) return last;
      if (last + 2 === lines.length || offset < lines[last + 2].start) return (this.lastLine = last + 1);
    }
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  /** The position of an offset; offsets inside a CRLF pair or past the end are clamped. */
  positionAt(offset: number): Position {
    const lo = this.lineAt(offset);
    const line = this.lines[lo];
    return { line: lo, character: Math.max(0, Math.min(offset, line.end) - line.start) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  /**
   * A position a client sent, taken to the nearest place in the text: past a line's end to its end (as LSP says),
   * past the last line to the text's end, a fraction or a negative number to a whole one, and from between the
   * halves of a surrogate pair to before the pair. Every feature answers from a position that exists.
   */
  clampPosition(position: Position): Position {
    const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);
    let offset = this.offsetAt({ line: whole(position.line), character: whole(position.character) });
    if (isLowSurrogate(this.text.charCodeAt(offset)) && isHighSurrogate(this.text.charCodeAt(offset - 1))) offset--;
    return this.positionAt(offset);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The range of a line's text without leading and trailing white space (an empty range at its start when blank). */
  trimmedLineRange(lineNo: number): Range {
    // Read in place: trimming would copy the line twice.
    const { start, end } = this.lines[lineNo];
    const from = trimStartIndex(this.text, start, end);
    const to = trimEndIndex(this.text, from, end);
    return {
      start: { line: lineNo, character: from - start },
      end: { line: lineNo, character: to - start },
    };
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const BREAK_RE = /\r\n|\r|\n/g;

function splitLines(text: string, loneCarriageReturn: boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  if (!loneCarriageReturn) {
    // The common cases, LF or CRLF: indexOf is much faster than a regular expression.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
      const end = at > start && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
      lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
      start = at + 1;
    }
    lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
    return lines;
  }
  BREAK_RE.lastIndex = 0;
  for (let m = BREAK_RE.exec(text); m; m = BREAK_RE.exec(text)) {
    lines.push({ index: lines.length, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

// indexOf finds each Latin-1 character much faster than a character class, which V8 must try at every
// position; this class of the wider white-space characters fails at once on a one-byte string.
const WIDE_SPACE_RE = /[\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Whether the text holds white space (in the sense of `\s`) other than ' ', '\n', '\r\n' and a lone '\r'. */
function hasOtherWhiteSpace(text: string): boolean {
  return (
    text.includes('\t') ||
    text.includes('\v') ||
    text.includes('\f') ||
    text.includes('\u00a0') ||
    WIDE_SPACE_RE.test(text)
  );
}

/** Whether a '\r' stands anywhere but before a '\n' (CRLF line breaks are line breaks like any other). */
function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

/** The offsets of double spaces; a longer run of spaces yields its start (and maybe later offsets inside it). */
function findDoubleSpaces(text: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf('  '); at >= 0; at = text.indexOf('  ', at + 2)) found.push(at);
  return found;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function positionInRange(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
