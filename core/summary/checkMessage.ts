// A folder check's result in one sentence, for the notification "IMR: Check Letters in Folder" shows.
import type { FolderCheckResult } from '../model';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * "14 problems (14 warnings) in 4 of the 146 letter files of letters.": files, each checked, so a letter kept as its
 * PDF and its text counts twice here, where the folder summary counts it once.
 */
export function checkedMessage(folderName: string, r: FolderCheckResult): string {
  const unread = r.unreadable ? ` ${plural(r.unreadable, 'file')} could not be read (the IMR Letters output says why).` : '';
  if (r.letters === 0) return `No letters in ${folderName} (${plural(r.files, 'file')} looked at).${unread}`;
  const total = r.errors + r.warnings + r.information + r.hints;
  if (total === 0) return `No problems in the ${plural(r.letters, 'letter file')} of ${folderName}.${unread}`;
  const parts = [
    r.errors ? plural(r.errors, 'error') : '',
    r.warnings ? plural(r.warnings, 'warning') : '',
    r.information ? `${r.information.toLocaleString('en-US')} information` : '',
    r.hints ? plural(r.hints, 'hint') : '',
  ].filter(Boolean);
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${r.lettersWithProblems.toLocaleString('en-US')} of the ${plural(r.letters, 'letter file')} of ${folderName}.${unread}`;
}
