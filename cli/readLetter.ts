// Reads a file as letter text, refusing what cannot be a letter: too large, or what letterText refuses. A PDF's
// text comes from the PDF reader (pdf/), asynchronously; a text letter's, at once.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { maxLetterBytes, type DecodeResult } from '../core/text/decode';
import { letterText } from '../pdf/load';
import { errorReason } from './discover';

export { maxLetterBytes };

export type ReadResult = DecodeResult;

export function readLetterFile(file: string): ReadResult | Promise<ReadResult> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (st.size > maxLetterBytes) {
      return { ok: false, reason: `too large (${megabytes(st.size)} MB, the limit is 10 MB); not parsed` };
    }
    const bytes = readAll(fd, st.size);
    if (bytes.length > maxLetterBytes) {
      return { ok: false, reason: `too large (over 10 MB); not parsed` };
    }
    // The bytes sit in a buffer the next read reuses: letterText gives the PDF reader a copy.
    return letterText(bytes);
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  } finally {
    closeSync(fd);
  }
}

// One read buffer per thread, reused from file to file: a letter is decoded into a string before the next read,
// so its bytes need not outlive the call. A buffer per file cost each read an allocation outside the JavaScript
// heap, which also makes the garbage collector run more often. Larger files get their own buffer, so that one
// big file does not leave a thread holding megabytes.
const keptBufferBytes = 1024 * 1024;
let scratch: Buffer | undefined;

/** Reads to the end even when the size was wrong (files in /proc, files still being written). */
function readAll(fd: number, size: number): Buffer {
  // One byte more than the size, so that reading to the end needs no second buffer when the size was right.
  const wanted = Math.max(size + 1, 4096);
  let buf: Buffer;
  if (wanted <= keptBufferBytes) {
    if (!scratch || scratch.length < wanted) scratch = Buffer.allocUnsafe(Math.min(keptBufferBytes, Math.max(wanted, 64 * 1024)));
    buf = scratch;
  } else {
    buf = Buffer.allocUnsafe(wanted);
  }
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxLetterBytes) break;
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}

/**
 * Reads a letter from a stream (standard input: `imr-letters lint -`), with the same checks as a file. Stops
 * reading past the size limit, so that a runaway producer cannot fill memory.
 */
export async function readLetterStream(stream: NodeJS.ReadableStream): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.length;
      if (length > maxLetterBytes) return { ok: false, reason: 'too large (over 10 MB); not parsed' };
    }
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  }
  return letterText(Buffer.concat(chunks, length));
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
