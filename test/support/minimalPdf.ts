// Writes small PDFs for tests: pages of text lines in Helvetica, laid out as a letter's PDF is (12 pt type, lines
// 14 pt apart, a wider gap between paragraphs), plus the damaged and locked files a reader must refuse.
// Enough of the PDF format for pdf.js, no more: one font, WinAnsi text, a cross-reference table.
import { deflateSync } from 'node:zlib';

export interface PdfLine {
  text: string;
  /** Extra space above the line, in points (a paragraph's gap). */
  gapBefore?: number;
  /** Left edge, in points (72 = one inch). */
  x?: number;
  /** Start at this height instead of below the previous line (a second column beside the first). */
  y?: number;
}

export interface PdfOptions {
  /** Adds an /Encrypt dictionary whose password check fails for the empty password: a locked PDF. */
  locked?: boolean;
  /** Pads each page's content with this many spaces, compressed (FlateDecode): a decompression bomb when large. */
  inflatedPadding?: number;
}

const lineHeight = 14;
const top = 740;

/** One PDF page per array of lines. */
export function writePdf(pages: readonly (readonly PdfLine[])[], options: PdfOptions = {}): Buffer {
  return assemble(
    pages.map((lines) => {
      const stream = contentStream(lines);
      if (!options.inflatedPadding) return `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
      return compressed(Buffer.concat([Buffer.from(stream + '\n', 'latin1'), Buffer.alloc(options.inflatedPadding, 0x20)]));
    }),
    options,
  );
}

/**
 * Pages whose text is `unit` (content-stream operators) repeated `times`, compressed: the hostile PDFs a reader must
 * survive. `(A...A) Tj` with 30 M letters is a text bomb of 31 kB; thirty strings of a million letters, a page
 * pdf.js takes seconds over; a million tiny strings, a page of a million text items.
 */
export function writeRepeatedPdf(options: { pages: number; unit: string; times: number }): Buffer {
  const unit = Buffer.from(options.unit, 'latin1');
  const body = Buffer.alloc(unit.length * options.times).fill(unit);
  const content = compressed(Buffer.concat([Buffer.from('BT\n/F1 12 Tf\n'), body, Buffer.from('ET\n')]));
  return assemble(Array.from({ length: options.pages }, () => content));
}

/** A `writeRepeatedPdf` unit: one string of `chars` letters A at the top of the page. */
export const longString = (chars: number) => `1 0 0 1 72 ${top} Tm (${'A'.repeat(chars)}) Tj\n`;

function compressed(content: Buffer): string {
  const packed = deflateSync(content).toString('latin1');
  return `<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed}\nendstream`;
}

/** The PDF around the pages' content stream objects: catalog, page tree, font, pages, cross-reference table. */
function assemble(contents: readonly string[], options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageCount = contents.length;
  // 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pageCount} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let i = 0; i < pageCount; i++) {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    add(contents[i]);
  }
  let encrypt = '';
  if (options.locked) {
    add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function contentStream(lines: readonly PdfLine[]): string {
  const ops: string[] = ['BT', '/F1 12 Tf'];
  let y = top;
  let first = true;
  for (const line of lines) {
    if (line.y !== undefined) y = line.y;
    else if (!first) y -= lineHeight + (line.gapBefore ?? 0);
    first = false;
    // Absolute placement for each line: a text matrix, then the string.
    ops.push(`1 0 0 1 ${line.x ?? 72} ${y} Tm (${pdfString(line.text)}) Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}

/** A PDF literal string's body: WinAnsi bytes (Latin-1 here), with ( ) \ escaped and other bytes in octal. */
function pdfString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 63;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (c >= 32 && c < 127) out += ch;
    else if (c >= 160 && c <= 255) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += '?';
  }
  return out;
}

/**
 * A text letter's lines as PDF pages of `perPage` lines: each line with text becomes a PDF line, and a run of blank
 * lines becomes a paragraph's gap (a double-spaced letter, one blank line after every line, has gaps only where it
 * has two or more).
 */
export function letterPages(text: string, perPage = 46): PdfLine[][] {
  const source = text.split(/\r?\n/);
  const doubleSpaced = source.filter((l, i) => l.trim() !== '' && source[i + 1]?.trim() === '').length > 0.7 * source.filter((l) => l.trim() !== '').length;
  const lines: PdfLine[] = [];
  let blanks = 0;
  for (const raw of source) {
    if (raw.trim() === '') {
      blanks++;
      continue;
    }
    const gap = lines.length > 0 && blanks >= (doubleSpaced ? 2 : 1);
    lines.push({ text: raw.trim(), gapBefore: gap ? lineHeight : 0 });
    blanks = 0;
  }
  const pages: PdfLine[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage).map((l, k) => (k === 0 ? { ...l, gapBefore: 0 } : l)));
  return pages;
}
