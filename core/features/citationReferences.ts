// References and highlights of a guideline citation: where else the same guideline section is cited. Two citations
// cite the same section when they share a key (hover.ts citationKeys: the knowledge-base entries they resolve to,
// else their normalised words), as the hovers' "cited by N items here" figures count them.
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-types';
import type { GuidelineCitation, Position } from '../model';
import { citationAt, citationKeys } from './hover';
import { sameFile, type LetterDocument, type WorkspaceLetter } from './letterDocument';

/** The letter's own citations (both guideline paragraphs of every item) that cite what `citation` cites. */
function sameSectionIn(doc: LetterDocument, citation: GuidelineCitation): GuidelineCitation[] {
  const wanted = new Set(citationKeys(citation));
  const found: GuidelineCitation[] = [];
  for (const item of doc.model.items) {
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      for (const c of p?.citations ?? []) if (c === citation || citationKeys(c).some((k) => wanted.has(k))) found.push(c);
    }
  }
  return found;
}

/**
 * Highlights for the citation under the cursor: every citation of the same section in this letter, the reviewer's
 * (what the decision rests on) as Read, the claims administrator's as Text. Null off a citation.
 */
export function getDocumentHighlights(doc: LetterDocument, position: Position): DocumentHighlight[] | null {
  const citation = citationAt(doc, position);
  if (!citation) return null;
  const reviewers = new Set(doc.model.items.flatMap((i) => i.maximusGuideline?.citations ?? []));
  return sameSectionIn(doc, citation).map((c) => ({ range: c.range, kind: reviewers.has(c) ? DocumentHighlightKind.Read : DocumentHighlightKind.Text }));
}

/**
 * Find All References on a citation: its section's citations in this letter (by their ranges), then the disputed
 * items of the other letters of the workspace whose reviewer based the decision on that section (by their titles:
 * a peek at the references then reads as a list of the treatments decided on it), letter by letter in the order
 * given. The workspace's copy of this letter is left out: the open document is the one to show. Null off a citation.
 */
export function getReferences(doc: LetterDocument, position: Position, workspaceLetters: Iterable<WorkspaceLetter> = []): Location[] | null {
  const citation = citationAt(doc, position);
  if (!citation) return null;
  const locations: Location[] = sameSectionIn(doc, citation).map((c) => ({ uri: doc.uri, range: c.range }));
  const wanted = new Set(citationKeys(citation));
  const own = sameFile(doc.uri);
  for (const letter of workspaceLetters) {
    if (sameFile(letter.uri) === own) continue;
    for (const item of letter.letter.items) {
      if (item.citedKeys.some((k) => wanted.has(k))) locations.push({ uri: letter.uri, range: item.symbolRange });
    }
  }
  return locations;
}
