// A letter's bytes to its text, as an editor opens a file: UTF-8 (a byte-order mark dropped) or, with its byte-order
// mark, UTF-16 (what Windows tools write as "Unicode"). Bytes that cannot be a letter's text get a reason instead:
// empty, a PDF (whose text pdf/ reads), binary, not valid in their encoding. Pure: the command line and the server
// read the bytes.

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Larger letters are refused unparsed, by the command line, the editor and the folder's index alike (a letter lints
 * the same everywhere): real letters are 5–50 kB, and a parse must not exhaust memory. Bytes of a file; UTF-16 code
 * units of an open document.
 */
export const maxLetterBytes = 10 * 1024 * 1024;

/**
 * Letters with more lines are refused too: the longest real letter has a few hundred, and the line index takes an
 * object a line, so 10 MB of line breaks would take gigabytes (the editor keeps two versions while it parses).
 */
export const maxLetterLines = 200_000;

/** Whether the text has more lines than a letter may (LF, CRLF and lone CR breaks counted as the line index does). */
export function hasTooManyLines(text: string): boolean {
  if (text.length < maxLetterLines) return false;
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) if (++n >= maxLetterLines) return true;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10 && ++n >= maxLetterLines) return true;
  return false;
}

export const tooManyLinesReason = `too many lines (over ${maxLetterLines.toLocaleString('en-US')}; a letter has a few hundred); not parsed`;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

export function decodeLetter(bytes: Uint8Array): DecodeResult {
  // A byte-order mark alone (UTF-8's or UTF-16's) is an empty file too.
  if (bytes.length === 0 || isBomOnly(bytes)) return { ok: false, reason: 'empty file' };
  // Letters are published as PDFs. Readers that can take them send them to pdf/ first; here, say what to do.
  if (isPdf(bytes)) return { ok: false, reason: 'a PDF, not its text; extract the text first (imr-letters text FILE.pdf > FILE.txt), then check the .txt' };
  const utf16 = utf16Order(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `binary file (NUL byte at offset ${nul}); not a text letter` };
  try {
    const text = utf8.decode(bytes);
    return hasTooManyLines(text) ? { ok: false, reason: tooManyLinesReason } : { ok: true, text };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); convert it to UTF-8 first` };
  }
}

/**
 * A letter's text in the encoding `like` (the bytes it was read from) is in: UTF-16 in its byte order with its mark,
 * else UTF-8, with a byte-order mark if `like` had one. What `imr-letters format --write` writes back.
 */
export function encodeLetter(text: string, like: Uint8Array): Uint8Array {
  const order = utf16Order(like);
  if (order) {
    const out = new Uint8Array(2 + 2 * text.length);
    out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
      out[2 + 2 * i] = first;
      out[3 + 2 * i] = second;
    }
    return out;
  }
  const bom = like.length >= 3 && like[0] === 0xef && like[1] === 0xbb && like[2] === 0xbf;
  return new TextEncoder().encode(bom ? `\ufeff${text}` : text);
}

function isBomOnly(bytes: Uint8Array): boolean {
  if (bytes.length === 3) return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.length === 2 && utf16Order(bytes) !== undefined;
}

/** Whether the bytes start as every PDF does, with "%PDF-". */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** The byte order of a UTF-16 text by its byte-order mark (FF FE little-endian, FE FF big-endian), if it has one. */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): DecodeResult {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { ok: false, reason: 'not valid UTF-16 (an odd number of bytes); convert it to UTF-8 first' };
  // Big-endian is swapped into little-endian: its decoder needs the full ICU data, which a Node may lack.
  const le = order === 'le' ? body : swapPairs(body);
  let text: string;
  try {
    text = utf16le.decode(le);
  } catch {
    return { ok: false, reason: 'not valid UTF-16 (a lone surrogate); convert it to UTF-8 first' };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return { ok: false, reason: `binary file (NUL character at offset ${2 + 2 * nul}); not a text letter` };
  return hasTooManyLines(text) ? { ok: false, reason: tooManyLinesReason } : { ok: true, text };
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
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
