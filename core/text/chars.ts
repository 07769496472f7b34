// Character classes of JavaScript's regular expressions, for code that reads character codes instead of
// running an expression.

/** White space in the sense of `\s` (and of `String.prototype.trim`). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first index in [from, to) of `text` whose character is not `\s` white space, or `to`. */
export function trimStartIndex(text: string, from: number, to: number): number {
  for (; from < to; from++) {
    const c = text.charCodeAt(from);
    // Printable ASCII first: nearly every span starts with it.
    if ((c > 32 && c < 0x7f) || !isJsSpace(c)) break;
  }
  return from;
}

/** The index just past the last character in [from, to) of `text` that is not `\s` white space, or `from`. */
export function trimEndIndex(text: string, from: number, to: number): number {
  for (; to > from; to--) {
    const c = text.charCodeAt(to - 1);
    if ((c > 32 && c < 0x7f) || !isJsSpace(c)) break;
  }
  return to;
}

/** A character of `\w`, which `\b` looks for. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** `/^word\b/.test(s)`. */
export function startsWithWord(s: string, word: string): boolean {
  return s.startsWith(word) && (s.length === word.length || !isWordChar(s.charCodeAt(word.length)));
}

/** `/\bword$/.test(s)`. */
export function endsWithWord(s: string, word: string): boolean {
  const before = s.length - word.length - 1;
  return s.endsWith(word) && (before < 0 || !isWordChar(s.charCodeAt(before)));
}
