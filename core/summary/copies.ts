// The same letter twice in a folder (a decision's PDF and the text saved from it, a letter downloaded twice) would
// count its decisions twice: the summaries count each letter once, and say which files they left out as copies.
import type { LetterSummary } from './letterSummary';
import { sameServiceKey } from './folderStats';

/**
 * What makes two files the same letter: the IMR case number, which names one review; a letter without a header (a
 * seed, an extract) by its facts and its items' services, decisions and rationales' first sentences.
 */
export function letterKey(s: LetterSummary): string {
  if (s.caseNumber) return `case:${s.caseNumber.toUpperCase()}`;
  const items = s.items.map((i) => [sameServiceKey(i.service), i.decision ?? i.decisionText ?? '', sameServiceKey(i.rationaleStart)]);
  return `items:${JSON.stringify([s.decisionDate ?? '', s.dateOfInjury ?? '', s.specialties, items])}`;
}

export interface Copy {
  /** The file left out. */
  name: string;
  /** The file counted instead (the first of the same letter). */
  of: string;
}

/** A file left out of the counts as a copy of another: "a.pdf (a copy of a.txt)". */
export function copyText(copy: Copy): string {
  return `${copy.name} (a copy of ${copy.of})`;
}

/**
 * The line the summaries show of the files they counted once: "One file is a copy of another letter, counted once:
 * a.pdf (a copy of a.txt)." Only the first `named` are named, the rest counted.
 */
export function copiesText(copies: readonly Copy[], named = Infinity): string {
  const what = copies.length === 1 ? 'One file is a copy of another letter' : `${copies.length} files are copies of other letters`;
  const rest = copies.length > named ? ` and ${copies.length - named} more` : '';
  return `${what}, counted once: ${copies.slice(0, named).map(copyText).join(', ')}${rest}.`;
}

/**
 * The letters, each once, and the files left out as copies. A letter is counted by its first text file in the order
 * given, else its first file: the text saved from a PDF is the one a user edits and annotates, and a row of the
 * summaries opens it.
 */
export function distinctLetters<T extends LetterSummary>(summaries: readonly T[]): { letters: T[]; copies: Copy[] } {
  const keys = summaries.map(letterKey);
  const counted = new Map<string, T>();
  summaries.forEach((s, i) => {
    const chosen = counted.get(keys[i]);
    if (chosen === undefined || countsBefore(s.name, chosen.name)) counted.set(keys[i], s);
  });
  const letters: T[] = [];
  const copies: Copy[] = [];
  for (const [i, s] of summaries.entries()) {
    const chosen = counted.get(keys[i])!;
    if (chosen === s) letters.push(s);
    else copies.push({ name: s.name, of: chosen.name });
  }
  return { letters, copies };
}

/**
 * Whether the file `name` is counted for a letter rather than `counted`, its copy met before: a text file rather
 * than a PDF. The folder summary and `imr-letters summary` choose alike.
 */
export function countsBefore(name: string, counted: string): boolean {
  return /\.pdf$/i.test(counted) && !/\.pdf$/i.test(name);
}
