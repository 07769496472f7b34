// A span of a document with every run of white space (line breaks included) collapsed to one space,
// keeping the map back to document offsets so that matches in the collapsed text get exact ranges.
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lines';

export class CollapsedText {
  /** The collapsed text: no leading or trailing space, single spaces between words. */
  readonly text: string;
  /** For each character of `text`, its offset in the document (a collapsed space maps to the first white-space character). */
  private readonly offsets: Int32Array;

  constructor(
    readonly doc: LineIndex,
    private readonly start: number,
    end: number,
  ) {
    const source = doc.text;
    const offsets = new Int32Array(Math.max(0, end - start));
    let out = '';
    let n = 0;
    let pendingSpace = -1;
    let runStart = -1; // start of a run of non-space characters copied as one slice
    const flush = (at: number) => {
      if (runStart >= 0) {
        out += source.slice(runStart, at);
        runStart = -1;
      }
    };
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0) {
        flush(i);
        if (n > 0 && pendingSpace < 0) pendingSpace = i;
      } else {
        if (pendingSpace >= 0) {
          out += ' ';
          offsets[n++] = pendingSpace;
          pendingSpace = -1;
        }
        if (runStart < 0) runStart = i;
        offsets[n++] = i;
      }
    }
    flush(end);
    this.text = out;
    this.offsets = offsets.subarray(0, n);
  }

  /** Document offset of collapsed index `i` (i may equal text.length: just past the last character). */
  offsetAt(i: number): number {
    if (this.offsets.length === 0) return this.start;
    if (i >= this.offsets.length) return this.offsets[this.offsets.length - 1] + 1;
    return this.offsets[Math.max(0, i)];
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
