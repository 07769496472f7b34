// What reading one PDF may spend, and the words for running out of time: shared by the reader (reader.ts), which
// kills a child past the limit, and the child (pdfText.mts), which stops itself at it. Pure: bundled into both.

/** What a reading may spend. A letter's PDF takes tens of milliseconds and gives tens of kB of text. */
export interface PdfLimits {
  /** pdfText gives up past this (default 20 s); the reader kills the child a grace later if it has not. */
  timeoutMs?: number;
  /** pdfText gives up once the text passes this many characters (default 10 M, as a text letter's 10 MB). */
  maxTextChars?: number;
}

export const defaultPdfLimits: Required<PdfLimits> = { timeoutMs: 20_000, maxTextChars: 10 * 1024 * 1024 };

/** The reason given for a PDF whose reading ran past `timeoutMs`. */
export function lateReason(timeoutMs: number): string {
  const seconds = timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${(timeoutMs / 1000).toFixed(1)} s`;
  return `took over ${seconds} to read (a letter takes well under one); not read`;
}
