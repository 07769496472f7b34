// The text of a letter published as a PDF, line by line as the PDF lays it out, with an empty line where the
// page leaves a paragraph's gap. An ES module (so is pdf.js), bundled on its own into dist/pdf.js (pdf.js is
// large) and loaded on the first PDF (load.ts): a run over text letters never loads it. Nothing here touches the
// network or the file system: the bytes come in, the text goes out.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { DecodeResult } from '../core/text/decode.js';

// pdf.js runs its parser in a worker; given the worker's module on globalThis, it runs it in this thread
// instead, with no script to fetch or import at run time.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** A text item of a page, or a marked-content tag (which holds no text). */
type PageItem = Awaited<ReturnType<pdfjs.PDFPageProxy['getTextContent']>>['items'][number];

/** A letter is a few pages; a file of more is not one, and reading it would only cost time. */
export const maxPdfPages = 200;

/** Where a line's baseline is more than this many font heights below the previous one, a paragraph ended. */
const paragraphGap = 1.75;

/** How many streams pdf.js was stopped from inflating past its ceiling (scripts/bundles.mjs, streamCap: 32 MB). */
const streamsCapped = () => (globalThis as { __imrStreamsCapped?: number }).__imrStreamsCapped ?? 0;
const cappedReason = 'a PDF with a stream that inflates past 32 MB (no letter has one); not read';

export async function pdfText(bytes: Uint8Array): Promise<DecodeResult> {
  let doc: pdfjs.PDFDocumentProxy | undefined;
  const cappedBefore = streamsCapped();
  try {
    doc = await pdfjs.getDocument({
      // pdf.js may take the buffer over: give it its own copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
    if (doc.numPages > maxPdfPages) return { ok: false, reason: `a PDF of ${doc.numPages} pages (a letter has a few; the limit is ${maxPdfPages}); not read` };
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      pages.push(pageText(content.items));
      page.cleanup();
    }
    // Ending in a line break, as a text file does: `imr-letters text` writes it out unchanged, and a letter saved
    // from that output has the same lines as the PDF.
    const text = pages.join('\n') + '\n';
    // A stream too large to inflate (a decompression bomb, or no letter): its text is not all there.
    if (streamsCapped() > cappedBefore) return { ok: false, reason: cappedReason };
    if (text.trim() === '') return { ok: false, reason: 'a PDF without text (a scanned image?); run it through OCR first' };
    return { ok: true, text };
  } catch (e) {
    if (streamsCapped() > cappedBefore) return { ok: false, reason: cappedReason };
    return { ok: false, reason: pdfFailure(e) };
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

/** A page's text items joined into lines: each item ends its line when pdf.js says so (`hasEOL`). */
export function pageText(items: readonly PageItem[]): string {
  const lines: string[] = [];
  let line = '';
  let baseline: number | undefined;
  let size = 0;
  let previous: { baseline: number; size: number } | undefined;
  for (const item of items) {
    if (!('str' in item)) continue;
    if (baseline === undefined && item.str.trim() !== '') {
      baseline = item.transform[5];
      size = Math.abs(item.transform[3]) || item.height;
    }
    line += item.str;
    if (!item.hasEOL) continue;
    endLine();
  }
  if (line !== '' || baseline !== undefined) endLine();
  return lines.join('\n');

  function endLine(): void {
    if (baseline !== undefined) {
      // PDF coordinates grow upwards. A line above the previous one is a second column, not a gap.
      const gap = previous ? previous.baseline - baseline : 0;
      if (previous && gap > paragraphGap * Math.max(size, previous.size)) lines.push('');
      previous = { baseline, size };
    }
    lines.push(line.trimEnd());
    line = '';
    baseline = undefined;
  }
}

/** What went wrong, in the words of someone holding the file. */
function pdfFailure(e: unknown): string {
  const name = (e as Error | undefined)?.name;
  if (name === 'PasswordException') return 'a password-protected PDF; not read';
  if (name === 'InvalidPDFException') return 'not a readable PDF (damaged or incomplete)';
  const message = e instanceof Error ? e.message : String(e);
  return `could not read this PDF (${message.split('\n')[0]})`;
}
