// Whether two words are at most one edit apart (an insertion, a deletion, a substitution or two letters swapped):
// the tolerance of the knowledge base's name matching and of the parser's reading of specialty names.

/** At most one edit apart; a transposition ("Diagnositc") counts as one. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      // A transposition ("Diagnositc") counts as one edit.
      // (Reads stay inside the words: a read past the end costs the optimized code a round trip.)
      if (i + 1 < a.length && j + 1 < a.length && a[i + 1] === b[j] && a[j + 1] === b[i]) {
        i += 2;
        j += 2;
        continue;
      }
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
