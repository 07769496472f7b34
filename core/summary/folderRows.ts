// Flattens the letters of a folder into one row per disputed item; pure.
import type { FolderLetter } from '../model';
import type { ItemRow, LetterSummary } from './letterSummary';
import { summarizeLetter } from './letterSummary';
import { turnaroundGroup, type TurnaroundGroup } from './timeline';

export interface FolderRow extends ItemRow {
  uri: string;
  file: string;
  caseNumber?: string;
  /** The reviewer's specialties, or "Not stated". */
  specialty: string;
  /** The year of the decision date (YYYY), or "Not stated". */
  year: string;
  /** Days from the application to the decision, in the turnaround breakdown's groups (timeline.ts). */
  turnaround: TurnaroundGroup;
}

export const notStated = 'Not stated';

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * A letter's name in its folder's summary: its path below the folder ("batch07/120_CM17-0008577.txt"), so that the
 * same file name in two subfolders reads apart and the filter finds a subfolder; its file name outside the folder.
 */
export function nameWithin(uri: string, folderUri: string | undefined): string {
  if (folderUri !== undefined) {
    const path = decodeURIComponent(uri.replace(/[?#].*$/, ''));
    const base = `${decodeURIComponent(folderUri.replace(/[?#].*$/, '')).replace(/\/+$/, '')}/`;
    if (path.startsWith(base) && path.length > base.length) return path.slice(base.length);
  }
  return fileName(uri);
}

/**
 * Letters sorted by name (their paths below `folderUri` when given, else their file names), each summarised;
 * documents that are not letters are left out.
 */
export function summarizeFolder(letters: readonly { uri: string; letter: FolderLetter }[], folderUri?: string): LetterSummary[] {
  return letters
    .filter((l) => l.letter.isLetter)
    .map((l) => summarizeLetter(l.letter, nameWithin(l.uri, folderUri), l.uri))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function folderRows(summaries: readonly LetterSummary[]): FolderRow[] {
  return summaries.flatMap((s) => {
    const letter = {
      uri: s.uri,
      file: s.name,
      caseNumber: s.caseNumber,
      // Joined as the table's reviewer_specialty column joins them, so that a group's label matches its rows there.
      specialty: s.specialties.join('; ') || notStated,
      // Dates in the model are ISO (YYYY-MM-DD).
      year: /^\d{4}/.exec(s.decisionDate ?? '')?.[0] ?? notStated,
      turnaround: turnaroundGroup(s.timeline.applicationToDecision),
    };
    return s.items.map((row) => ({ ...row, ...letter }));
  });
}

/** The letters' summaries cut down to the rows kept (by position in `rows`): what an export of a filtered table holds. */
export function keptSummaries(summaries: readonly LetterSummary[], rows: readonly FolderRow[], kept: readonly number[]): LetterSummary[] {
  const itemsByUri = new Map<string, Set<number>>();
  for (const i of kept) {
    const row = rows[i];
    let items = itemsByUri.get(row.uri);
    if (!items) itemsByUri.set(row.uri, (items = new Set()));
    items.add(row.index);
  }
  return summaries.flatMap((s) => {
    const items = itemsByUri.get(s.uri);
    if (!items) return [];
    const rowsKept = s.items.filter((r) => items.has(r.index));
    return [
      {
        ...s,
        items: rowsKept,
        upheld: rowsKept.filter((r) => r.decision === 'Upheld').length,
        overturned: rowsKept.filter((r) => r.decision === 'Overturned').length,
      },
    ];
  });
}
