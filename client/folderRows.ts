// Flattens the letters of a folder into one row per disputed item; pure.
import type { FolderLetter } from '../core/model';
import type { ItemRow, LetterSummary } from './summary';
import { summarizeLetter } from './summary';

export interface FolderRow extends ItemRow {
  uri: string;
  file: string;
  caseNumber?: string;
}

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Letters sorted by file name, each summarised; documents that are not letters are left out. */
export function summarizeFolder(letters: readonly { uri: string; letter: FolderLetter }[]): LetterSummary[] {
  return letters
    .filter((l) => l.letter.isLetter)
    .map((l) => summarizeLetter(l.letter, fileName(l.uri), l.uri))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function folderRows(summaries: readonly LetterSummary[]): FolderRow[] {
  return summaries.flatMap((s) => s.items.map((row) => ({ ...row, uri: s.uri, file: s.name, caseNumber: s.caseNumber })));
}
