// Whether a text is an IMR letter by the markers in its first lines (used to switch plain-text documents).
// Not a parser: it only looks for a few fixed phrases near the top.

/** How many lines from the top are looked at: the markers sit within the first ten in every known letter. */
export const linesLooked = 60;

const markers: readonly RegExp[] = [
  /HOW THE IMR FINAL DETERMINATION WAS MADE/,
  /Case Number:\s*CM\d/,
  /IMR ISSUES, DECISIONS AND RATIONALES/,
  /Notice of Independent Medical Review Determination/i,
  // The Medical Professional Review layout: its title, then its first label.
  /^\s*MEDICAL PROFESSIONAL REVIEW\s*$[\s\S]*^\s*ISSUES? AT DISPUTE\s*:/m,
];

export function hasLetterMarkers(text: string): boolean {
  const head = text.split(/\r?\n/, linesLooked).join('\n');
  return markers.some((m) => m.test(head));
}
