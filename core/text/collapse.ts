// A span of a document with every run of white space (line breaks included) collapsed to one space,
// keeping the map back to document offsets so that matches in the collapsed text get exact ranges.
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lines';

export class CollapsedText {
  /** The collapsed text: no leading or trailing space, single spaces between words. */
  readonly text: string;
  // Built on the first position lookup: most collapsed spans are only read, never mapped back.
  private wordStarts: Int32Array | undefined; // index in `text` of each word
  private wordOffsets: Int32Array | undefined; // document offset of each word

  constructor(
    readonly doc: LineIndex,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.text = end > start ? doc.text.slice(start, end).replace(/\s+/g, ' ').trim() : '';
  }

  private buildMap(): void {
    const source = this.doc.text;
    const capacity = (this.end - this.start + 1) >> 1;
    const starts = new Int32Array(capacity);
    const offsets = new Int32Array(capacity);
    let words = 0;
    let at = 0; // index in `text` of the next word
    let inWord = false;
    let wordStart = 0;
    for (let i = this.start; i < this.end; i++) {
      const space = isSpace(source.charCodeAt(i));
      if (!space && !inWord) {
        inWord = true;
        wordStart = i;
        starts[words] = at;
        offsets[words++] = i;
      } else if (space && inWord) {
        inWord = false;
        at += i - wordStart + 1;
      }
    }
    this.wordStarts = starts.subarray(0, words);
    this.wordOffsets = offsets.subarray(0, words);
  }

  /** Document offset of collapsed index `i`; a collapsed space maps to the first white-space character
   *  after its word, and `text.length` to just past the last character. */
  offsetAt(i: number): number {
    if (!this.wordStarts) this.buildMap();
    const starts = this.wordStarts!;
    const offsets = this.wordOffsets!;
    if (starts.length === 0) return this.start;
    const index = Math.max(0, Math.min(i, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return offsets[lo] + (index - starts[lo]);
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

/** The white space of JavaScript's \\s, which `text` was collapsed with. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
