// Where a second reference is glued onto a Non-MTUS citation, as letters write them with no separator:
// "... - Manipulation Harris J. Occupational medicine practice guidelines, 2nd edition (2004) p 301" after an ODG
// citation, or "..., accessed 02/18/2017, Benditt D, et al. Syncope in adults: ..." after a web page.

/** "accessed 02/18/2017" and "accessed from UpToDate.com on 12/17/2016", then a separator and more words. */
const ACCESSED_THEN_MORE =
  /\baccessed(?:\s(?:from|at|on|via)\s[^\s,;]+(?:\son)?)?\s(?:\d{1,2}\/\d{1,2}\/\d{2,4}|[A-Z][a-z]{2,8}\.?\s\d{1,2},\s?\d{4}|\d{4}-\d{2}-\d{2})\s?[,;.]\s(?=[A-Za-z])/g;

/** An author as references give one: "Harris J. " or "Benditt D, et al. ". */
const AUTHOR = String.raw`[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s[A-Z]{1,2}(?:\.|,?\set\sal\.)\s`;

/**
 * An author, then a capitalised title, after a word (not after a comma: "Smith J, Jones K." is one reference's
 * list of authors).
 */
const AUTHOR_AFTER_WORD = new RegExp(`(?<=[A-Za-z)]\\s)${AUTHOR}(?=[A-Z])`, 'g');

/** A year, which every glued reference of this kind gives (its edition or publication). */
const YEAR = /\b(?:19|20)\d\d\b/;

/**
 * The offsets in `body` (a citation's collapsed text) where a glued-on reference starts, in order; none for most
 * citations. `isGuideline`: whether the body is an ODG or ACOEM citation, whose topics never hold an author's name, so
 * a reference may also start at an author there (asked only when one may); in an article's text only an access
 * date ends one reference.
 */
export function gluedReferenceStarts(body: string, isGuideline: (body: string) => boolean): number[] {
  const starts: number[] = [];
  // Both phrases are rare: the expressions run only when their literal is there.
  if (body.includes('accessed')) {
    ACCESSED_THEN_MORE.lastIndex = 0;
    for (let m = ACCESSED_THEN_MORE.exec(body); m; m = ACCESSED_THEN_MORE.exec(body)) starts.push(m.index + m[0].length);
  }
  if (body.includes('. ') && isGuideline(body)) {
    AUTHOR_AFTER_WORD.lastIndex = 0;
    for (let m = AUTHOR_AFTER_WORD.exec(body); m; m = AUTHOR_AFTER_WORD.exec(body)) {
      if (YEAR.test(body.slice(m.index))) {
        starts.push(m.index);
        break;
      }
    }
  }
  return starts.sort((a, b) => a - b);
}

/** An author-led reference to ACOEM's guidelines: "Harris J. Occupational medicine practice guidelines, 2nd edition". */
export const ACOEM_BY_AUTHOR = new RegExp(`^${AUTHOR}(?=Occupational\\s[Mm]edicine\\s[Pp]ractice\\s[Gg]uidelines\\b)`);
