// A span of a document with every run of white space (line breaks included) collapsed to one space,
// keeping the map back to document offsets so that matches in the collapsed text get exact ranges.
import type { Range } from 'vscode-languageserver-types';
import { isJsSpace, trimEndIndex, trimStartIndex } from './chars';
import type { LineIndex } from './lines';

// White space that is not already a single space: a run starting with another white-space character
// (a line break, a tab), or a space followed by more. Single spaces between words, by far the most
// common case, are left alone, which keeps collapsing a paragraph cheap.
const RUN_RE = /[^\S ]\s*| \s+/g;

export class CollapsedText {
  /** The collapsed text: no leading or trailing space, single spaces between words. */
  readonly text: string;
  // The map back to the document: collapsed index `pieceStarts[k]` is document offset `pieceOffsets[k]`,
  // and the characters after it follow one for one until the next piece.
  private readonly pieceStarts: number[] = [];
  private readonly pieceOffsets: number[] = [];
  private readonly innerStart: number;
  private lastPiece = 0;

  /**
   * `skip`: spans of the document, [start, end) in order, read as white space (page furniture: a running header or
   * footer inside a paragraph).
   */
  constructor(
    readonly doc: LineIndex,
    start: number,
    end: number,
    skip?: readonly (readonly [number, number])[],
  ) {
    const from = trimStartIndex(doc.text, start, end);
    const to = trimEndIndex(doc.text, from, end);
    this.innerStart = from;
    if (to <= from) {
      this.text = '';
      return;
    }
    const segments = skip && skip.length > 0 ? segmentsBetween(doc.text, from, to, skip) : [[from, to] as const];
    if (segments.length === 0) {
      this.text = '';
      return;
    }
    const doubleSpaces = doc.doubleSpaces;
    const parts: string[] = [];
    let length = 0;
    for (const [a, b] of segments) {
      // A segment after the first follows a space: the skipped span and the white space around it.
      if (parts.length > 0) length++;
      this.addPiece(length, a);
      const part = doubleSpaces ? this.collapsePlain(a, b, doubleSpaces, length) : this.collapseAny(a, b, length);
      parts.push(part);
      length += part.length;
    }
    this.text = parts.length === 1 ? parts[0] : parts.join(' ');
  }

  /** Collapses [from, to) of any text: each run is found by the regular expression. `base`: the collapsed index of `from`. */
  private collapseAny(from: number, to: number, base: number): string {
    const source = this.doc.text;
    const pieces: string[] = [];
    let length = base;
    let copied = from;
    RUN_RE.lastIndex = from;
    for (let m = RUN_RE.exec(source); m && m.index < to; m = RUN_RE.exec(source)) {
      pieces.push(source.slice(copied, m.index));
      length += m.index - copied + 1;
      copied = m.index + m[0].length;
      this.addPiece(length, copied);
    }
    pieces.push(source.slice(copied, to));
    return pieces.join(' ');
  }

  /**
   * Collapses [from, to) of a text whose only white space is ' ' and line breaks: a run either holds a line break,
   * known from the line index, or starts with two spaces, known from `doubleSpaces`. This spares the
   * per-character scan of the regular expression, the parser's largest single cost.
   */
  private collapsePlain(from: number, to: number, doubleSpaces: readonly number[], base: number): string {
    const source = this.doc.text;
    const lines = this.doc.lines;
    let line = this.doc.lineAt(from);
    let d = firstAtOrAfter(doubleSpaces, from);
    // The pieces are joined at the end into one flat string: concatenation would build a tree of strings,
    // which every later expression and character read over the text would have to go through.
    const pieces: string[] = [];
    let length = base;
    let copied = from;
    for (;;) {
      // `copied` is never white space: the next run starts at the next line end or double space after it.
      while (lines[line].end < copied) line++;
      while (d < doubleSpaces.length && doubleSpaces[d] < copied) d++;
      let runStart = d < doubleSpaces.length ? Math.min(lines[line].end, doubleSpaces[d]) : lines[line].end;
      if (runStart >= to) break;
      while (source.charCodeAt(runStart - 1) === 32) runStart--;
      let runEnd = runStart + 1;
      for (let c = source.charCodeAt(runEnd); c === 32 || c === 10 || c === 13; c = source.charCodeAt(runEnd)) runEnd++;
      pieces.push(source.slice(copied, runStart));
      length += runStart - copied + 1;
      copied = runEnd;
      this.addPiece(length, copied);
    }
    pieces.push(source.slice(copied, to));
    return pieces.join(' ');
  }

  private addPiece(collapsedIndex: number, offset: number): void {
    this.pieceStarts.push(collapsedIndex);
    this.pieceOffsets.push(offset);
  }

  /** Document offset of collapsed index `i`; a collapsed space maps to the first white-space character
   *  of its run, and `text.length` to just past the last character. */
  offsetAt(i: number): number {
    const starts = this.pieceStarts;
    if (starts.length === 0) return this.innerStart;
    const index = Math.max(0, Math.min(i, this.text.length));
    // Readers ask in reading order: the piece of the last answer, or the next, is tried first.
    let lo = this.lastPiece;
    if (!(starts[lo] <= index && (lo + 1 === starts.length || index < starts[lo + 1]))) {
      if (starts[lo] <= index && (lo + 2 >= starts.length || index < starts[lo + 2])) lo++;
      else {
        lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= index) lo = mid;
          else hi = mid - 1;
        }
      }
      this.lastPiece = lo;
    }
    return this.pieceOffsets[lo] + (index - starts[lo]);
  }

  /** Whether the collapsed space at index `i` stands for white space that holds a line break. */
  breakAt(i: number): boolean {
    const source = this.doc.text;
    for (let o = this.offsetAt(i); o < source.length && isJsSpace(source.charCodeAt(o)); o++) {
      const c = source.charCodeAt(o);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  /** Document range of collapsed [from, to). */
  range(from: number, to: number): Range {
    if (to <= from) {
      const at = this.offsetAt(from);
      return this.doc.range(at, at);
    }
    return this.doc.range(this.offsetAt(from), this.offsetAt(to - 1) + 1);
  }
}

/** [from, to) without the spans of `skip`, as the pieces of text between them, each trimmed; empty ones left out. */
function segmentsBetween(text: string, from: number, to: number, skip: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const segments: (readonly [number, number])[] = [];
  let at = from;
  const push = (a: number, b: number) => {
    const start = trimStartIndex(text, a, b);
    const end = trimEndIndex(text, start, b);
    if (end > start) segments.push([start, end]);
  };
  for (const [s, e] of skip) {
    if (e <= at || e <= s) continue;
    if (s >= to) break;
    push(at, Math.max(at, s));
    at = Math.max(at, e);
  }
  if (at < to) push(at, to);
  return segments;
}

/** The index of the first value in a sorted list that is at least `min` (the list's length when none is). */
function firstAtOrAfter(sorted: readonly number[], min: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `s` without the leading characters in `chars` (collapsed text: its only white space is ' '). */
export function trimStartOf(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

/** `s` without the trailing characters in `chars` (collapsed text: its only white space is ' '). */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** The start of `text` that holds `chars` characters once each run of whitespace counts as one. */
export function headCollapsed(text: string, chars: number): string {
  let counted = 0;
  let inSpace = false;
  let i = 0;
  for (; i < text.length && counted < chars; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (!(space && inSpace)) counted++;
    inSpace = space;
  }
  return text.slice(0, i);
}

/** A text on one line: white space collapsed, cut with "…" beyond `max` characters; only the start is read (a
 *  paragraph may be megabytes). The start holds `max` + 3: a leading and a trailing run of white space are trimmed. */
export function oneLine(text: string, max: number): string {
  const t = text.length > max * 2 ? headCollapsed(text, max + 3).replace(/\s+/g, ' ').trim() : text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
