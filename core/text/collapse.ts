// A span of a document with every run of white space (line breaks included) collapsed to one space,
// keeping the map back to document offsets so that matches in the collapsed text get exact ranges.
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lines';

const EMPTY = new Int32Array(0);

export class CollapsedText {
  /** The collapsed text: no leading or trailing space, single spaces between words. */
  readonly text: string;

  // The map back to the document is built on demand, and only as far as a lookup needs: most collapsed
  // spans are only read, and most lookups fall near their start.
  // Typed arrays are allocated on the first lookup only: allocating them is not cheap in V8.
  private wordStarts: Int32Array = EMPTY; // index in `text` of each word mapped so far
  private wordOffsets: Int32Array = EMPTY; // document offset of each of those words
  private words = 0;
  private scanned: number; // document offset up to which words have been mapped
  private nextIndex = 0; // index in `text` of the next word to map
  private inWord = false;

  constructor(
    readonly doc: LineIndex,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.text = end > start ? doc.text.slice(start, end).replace(/\s+/g, ' ').trim() : '';
    this.scanned = start;
  }

  /** Maps words until the one holding collapsed index `index` is known (or the span ends). */
  private mapUntil(index: number): void {
    const source = this.doc.text;
    let i = this.scanned;
    let wordStart = this.inWord ? this.wordOffsets[this.words - 1] : 0;
    for (; i < this.end; i++) {
      const space = isSpace(source.charCodeAt(i));
      if (!space && !this.inWord) {
        if (this.words > 0 && this.nextIndex > index) break;
        this.inWord = true;
        wordStart = i;
        if (this.words === this.wordStarts.length) this.grow();
        this.wordStarts[this.words] = this.nextIndex;
        this.wordOffsets[this.words++] = i;
      } else if (space && this.inWord) {
        this.inWord = false;
        this.nextIndex += i - wordStart + 1;
      }
    }
    this.scanned = i;
  }

  private grow(): void {
    // About one word in six characters of text: start there and double when needed.
    const size = Math.max(32, this.wordStarts.length * 2, this.wordStarts.length === 0 ? ((this.end - this.start) / 6) | 0 : 0);
    const starts = new Int32Array(size);
    const offsets = new Int32Array(size);
    starts.set(this.wordStarts);
    offsets.set(this.wordOffsets);
    this.wordStarts = starts;
    this.wordOffsets = offsets;
  }

  /** Document offset of collapsed index `i`; a collapsed space maps to the first white-space character
   *  after its word, and `text.length` to just past the last character. */
  offsetAt(i: number): number {
    const index = Math.max(0, Math.min(i, this.text.length));
    if (this.scanned < this.end) this.mapUntil(index);
    const starts = this.wordStarts;
    if (this.words === 0) return this.start;
    let lo = 0;
    let hi = this.words - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.wordOffsets[lo] + (index - starts[lo]);
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
