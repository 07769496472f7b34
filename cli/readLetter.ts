// Reads a file as letter text, refusing what cannot be a letter: empty, binary, not UTF-8 or too large.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorReason } from './discover';

/** Larger files are refused unparsed: real letters are 5–50 kB, and a parse must not exhaust memory. */
export const maxLetterBytes = 10 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readLetterFile(file: string): ReadResult {
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
    return decodeLetter(bytes);
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
  return decodeLetter(Buffer.concat(chunks, length));
}

export function decodeLetter(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  // Letters are published as PDFs: say how to get the text the tool reads.
  if (isPdf(bytes)) return { ok: false, reason: 'a PDF, not its text; extract the text first (pdftotext FILE.pdf FILE.txt), then check the .txt' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `binary file (NUL byte at offset ${nul}); not a text letter` };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); convert it to UTF-8 first` };
  }
}

/** Whether the bytes start as every PDF does, with "%PDF-". */
function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

/** The offset of the first byte that breaks UTF-8, to point the user at it. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need === 2) {
      const c = bytes[i + 1];
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return i;
    }
    if (need === 3) {
      const c = bytes[i + 1];
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
