// OCR's common confusions of letters and digits, folded away so that a word as OCR misread it compares equal to the
// word: the parser finds a decision word written "Uphe1d", "UpheId", "0verturned" or "Overtumed" (and the checks offer
// the word it stands for), a label "Decision rationa1e:" and a heading "IMR ISSUES, DEC1SIONS AND RATIONALES". Only a
// word that folds to exactly the word is taken for it: no spelling distance.
import type { Decision } from '../model';

/** The word lower-cased with OCR's confusions made one: "rn" as "m", "1", "|", "!" and "i" as "l", "0" as "o". */
export function ocrFold(word: string): string {
  return word.toLowerCase().replace(/rn/g, 'm').replace(/[1|!i]/g, 'l').replace(/0/g, 'o');
}

/** A character code folded as `ocrFold` folds it, but for "rn" (a pair): for the cheap looks at a line's first letters. */
export function ocrFoldCode(c: number): number {
  if (c === 49 /* 1 */ || c === 124 /* | */ || c === 33 /* ! */ || c === 105 /* i */ || c === 73 /* I */) return 108; /* l */
  if (c === 48 /* 0 */) return 111; /* o */
  return c >= 65 && c <= 90 ? c | 32 : c;
}

const FOLDED_DECISIONS = new Map<string, Decision>([
  [ocrFold('Upheld'), 'Upheld'],
  [ocrFold('Overturned'), 'Overturned'],
]);

/** The decision a word reads as once OCR's confusions are folded away ("Uphe1d": Upheld), if any. */
export function ocrDecision(word: string): Decision | undefined {
  // "Upheld" has 6 letters, "Overturned" 10 ("Overtumed" 9): most words are spared the fold.
  if (word.length < 6 || word.length > 10) return undefined;
  // Written right, as nearly every one is: no fold.
  const lower = word.toLowerCase();
  if (lower === 'upheld') return 'Upheld';
  if (lower === 'overturned') return 'Overturned';
  return FOLDED_DECISIONS.get(ocrFold(lower));
}
