// A parsed version of a document, the input of every language feature, and helpers on its text.
import type { LetterModel, Position, Range } from '../model';
import { comparePositions, type LineIndex } from '../text/lines';

export interface LetterDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  model: LetterModel;
  /** Too large to parse: the model is empty and only cheap features answer. */
  tooLarge: boolean;
}

export type { WorkspaceLetter } from './workspaceLetter';
import type { WorkspaceLetter } from './workspaceLetter';

/**
 * The workspace's letters, each once: the first file of each letter (a PDF and the text saved from it are one letter;
 * the open documents come first), and none that is a copy of the letter `besides` names (its key).
 */
export function* distinctWorkspaceLetters(letters: Iterable<WorkspaceLetter>, besides?: string): Generator<WorkspaceLetter> {
  const seen = new Set<string>(besides === undefined ? [] : [besides]);
  for (const letter of letters) {
    if (seen.has(letter.key)) continue;
    seen.add(letter.key);
    yield letter;
  }
}

/** Whether a position lies within a range (both ends inclusive, as a cursor at a word's end still touches it). */
export function touches(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function textOf(doc: LetterDocument, range: Range): string {
  return doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
}

/** The smallest range holding both. */
export function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

const eols = new WeakMap<LetterDocument, string>();

/** The end-of-line a document uses, so that edits keep its style: CRLF when it has one, else LF. */
export function eolOf(doc: LetterDocument | string): string {
  if (typeof doc === 'string') return doc.includes('\r\n') ? '\r\n' : '\n';
  // Once a parse: each quick fix asks, and a search of a long LF letter for each of thousands made a whole-letter
  // selection's code actions quadratic.
  let eol = eols.get(doc);
  if (eol === undefined) eols.set(doc, (eol = eolOf(doc.text)));
  return eol;
}

export function isBlankLine(doc: LetterDocument, line: number): boolean {
  const l = doc.lines.lines[line];
  return l !== undefined && l.text.trim() === '';
}

/** A file URI compared by what it names: the editor and the server may escape it differently (%3A, drive letters). */
export function sameFile(uri: string): string {
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    // A malformed escape: compare as it is.
  }
  return decoded.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}
