// The text of a letter published as a PDF, line by line as the PDF lays it out, with an empty line where the
// page leaves a paragraph's gap. An ES module (so is pdf.js), bundled on its own into dist/pdf.js (pdf.js is
// large), which runs as the PDF reader's child process (reader.ts), started on the first PDF: a run over text
// letters never starts it. Nothing here touches the network or the file system: the bytes come in, the text goes out.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { DecodeResult } from '../core/text/decode.js';
import { defaultPdfLimits, lateReason } from './limits.js';
import type { PdfLimits } from './limits.js';
import type { ReaderReply } from './reader.js';

// pdf.js runs its parser in a worker; given the worker's module on globalThis, it runs it in this thread
// instead, with no script to fetch or import at run time.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** A text item of a page, or a marked-content tag (which holds no text). */
type PageItem = Awaited<ReturnType<pdfjs.PDFPageProxy['getTextContent']>>['items'][number];

/** A letter is a few pages; a file of more is not one, and reading it would only cost time. */
export const maxPdfPages = 200;

/** Where a line's baseline is more than this many font heights below the previous one, a paragraph ended. */
const paragraphGap = 1.75;

/**
 * How often pdf.js was stopped at one of the ceilings put into it (scripts/bundles.mjs): a stream inflating past
 * 32 MB, a string of over a million characters. pdf.js may swallow the error and go on: these counters say it.
 */
const counters = globalThis as { __imrStreamsCapped?: number; __imrLongStrings?: number };
const ceilingsHit = () => [counters.__imrStreamsCapped ?? 0, counters.__imrLongStrings ?? 0];
const ceilingReasons = [
  'a PDF with a stream that inflates past 32 MB (no letter has one); not read',
  'a PDF with a string of over a million characters (no letter has one); not read',
];

type PageOutcome = 'done' | 'late' | 'long';

export async function pdfText(bytes: Uint8Array, limits: PdfLimits = {}): Promise<DecodeResult> {
  const { timeoutMs, maxTextChars } = { ...defaultPdfLimits, ...limits };
  const deadline = Date.now() + timeoutMs;
  const late: DecodeResult = { ok: false, reason: lateReason(timeoutMs) };
  const long: DecodeResult = { ok: false, reason: `a PDF whose text passes ${millions(maxTextChars)} characters (a letter has tens of thousands); not read` };
  const before = ceilingsHit();
  const ceilingReason = (): DecodeResult | undefined => {
    const hit = ceilingsHit().findIndex((n, i) => n > before[i]);
    return hit < 0 ? undefined : { ok: false, reason: ceilingReasons[hit] };
  };
  let doc: pdfjs.PDFDocumentProxy | undefined;
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
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() > deadline) return late;
      const page = await doc.getPage(n);
      const items: PageItem[] = [];
      const outcome = await readPage(page, items, deadline, maxTextChars - chars);
      const stopped = ceilingReason() ?? (outcome === 'late' ? late : outcome === 'long' ? long : undefined);
      if (stopped) return stopped;
      const text = pageText(items);
      chars += text.length;
      pages.push(text);
      page.cleanup();
    }
    // Ending in a line break, as a text file does: `imr-letters text` writes it out unchanged, and a letter saved
    // from that output has the same lines as the PDF.
    const text = pages.join('\n') + '\n';
    // A ceiling reached (a decompression bomb, a text bomb, or no letter): its text is not all there.
    const ceiling = ceilingReason();
    if (ceiling) return ceiling;
    if (text.trim() === '') return { ok: false, reason: 'a PDF without text (a scanned image?); run it through OCR first' };
    return { ok: true, text };
  } catch (e) {
    return ceilingReason() ?? { ok: false, reason: pdfFailure(e) };
  } finally {
    // Also ends a text extraction given up on: pdf.js stops it at its next time slot (every 20 ms or so).
    await doc?.destroy().catch(() => undefined);
  }
}

/**
 * Reads a page's text items as pdf.js streams them (a chunk every 20 ms or so of its work), until the page ends,
 * the deadline passes or the text passes `budget` characters. A timer, not only a check between chunks: a page
 * may stream nothing for a long time.
 */
async function readPage(page: pdfjs.PDFPageProxy, items: PageItem[], deadline: number, budget: number): Promise<PageOutcome> {
  const reader = page.streamTextContent({ includeMarkedContent: false, disableNormalization: false }).getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  let chars = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === 'late') return 'late';
      if (next.done) return 'done';
      for (const item of (next.value as { items: PageItem[] }).items) {
        items.push(item);
        if ('str' in item) chars += item.str.length;
      }
      if (chars > budget) return 'long';
    }
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => undefined);
  }
}

function millions(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} M` : n.toLocaleString('en-US');
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

// The PDF reader's child process (reader.ts): a PDF's bytes come in, its text or the reason goes out, one at a time.
if (process.argv.includes('--imr-pdf-reader') && process.send) {
  process.on('message', (m: { id: number; bytes: Uint8Array; limits?: PdfLimits }) => {
    void pdfText(m.bytes, m.limits).then((result) => process.send?.({ id: m.id, result } satisfies ReaderReply));
  });
  // The process that started it ended, or let it go: nothing more will come.
  process.on('disconnect', () => process.exit(0));
}
