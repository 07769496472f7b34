// Reads a PDF's text with the PDF bundle (dist/pdf.js, built from pdfText.mts), run as a child process from the first
// PDF on (reader.ts): pdf.js is ten times the size of everything else, a run over text letters never needs it, and
// a PDF that makes it spin or swell takes down that child, not the server or the CLI.
import { existsSync, promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { decodeLetter, isPdf } from '../core/text/decode';
import type { DecodeResult } from '../core/text/decode';
import { PdfReaders } from './reader';
import type { PdfLimits } from './limits';

export type { PdfLimits } from './limits';

/** A letter's PDF is tens of kB: a larger file is refused unread (the CLI's limit for any letter). */
export const maxPdfBytes = 10 * 1024 * 1024;

/**
 * The readers of this thread, made on the first PDF. A main thread (the language server's; the CLI's, when it works
 * alone) reads on up to as many cores as there are, at most 4; a CLI worker thread is already one lane of a pool
 * sized to the cores, and reads on one.
 */
let readers: PdfReaders | undefined;
const readerCount = () => (isMainThread ? Math.min(4, availableParallelism()) : 1);

/** Whether a file's name says PDF: for weighing work before any file is read (the reading goes by the bytes). */
export function isPdfFileName(name: string): boolean {
  return /\.pdf$/i.test(name);
}

/**
 * A letter file's bytes as its text: a PDF's through pdf.js, any other file's decoded (core/text/decode.ts). The
 * PDF reader gets a copy: the caller may reuse its buffer before the text comes (the CLI reads into one buffer).
 */
export function letterText(bytes: Uint8Array): DecodeResult | Promise<DecodeResult> {
  return isPdf(bytes) ? readPdfText(new Uint8Array(bytes)) : decodeLetter(bytes);
}

/** The text of a PDF's bytes, or why there is none (pdf.js in the PDF reader's process: reader.ts). Never rejects. */
export function readPdfText(bytes: Uint8Array, limits?: PdfLimits): Promise<DecodeResult> {
  readers ??= new PdfReaders(bundlePath, readerCount());
  return readers.read(bytes, limits);
}

/** The text of the PDF at `file` (the language server's reading; the CLI reads its files itself). Never rejects. */
export async function readPdfFile(file: string): Promise<DecodeResult> {
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, reason: 'not a file' };
    if (st.size > maxPdfBytes) return { ok: false, reason: `too large (${(st.size / (1024 * 1024)).toFixed(1)} MB, the limit is 10 MB); not read` };
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code ?? String(e)})` };
  }
  if (!isPdf(bytes)) return { ok: false, reason: 'not a PDF (it does not start with %PDF-)' };
  return readPdfText(bytes);
}

/** dist/pdf.js: beside this code when it is bundled into dist/, else in the dist/ of the checkout above it. */
function bundlePath(): string {
  if (path.basename(__dirname) === 'dist') return path.join(__dirname, 'pdf.js');
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'pdf.js');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('dist/pdf.js not found: run npm run build');
  }
}
