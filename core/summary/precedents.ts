// How the workspace's other items for the same service were decided, in words: the title's hover and the letter's
// summary panel say it the same way.
import type { ServiceStats } from '../features/serviceReferences';
import { groundLabel } from './grounds';

/** "2 other items for this service here: 1 upheld, 1 overturned; grounds most given: No red flags, ... (2)"; "No other
 *  item for this service here". */
export function sameServiceText(stats: ServiceStats): string {
  if (stats.others === 0) return 'No other item for this service here';
  const undecided = stats.others - stats.upheld - stats.overturned;
  const parts = [`${stats.upheld} upheld`, `${stats.overturned} overturned`, ...(undecided ? [`${undecided} without a decision`] : [])];
  const grounds = stats.grounds?.length ? `; grounds most given: ${stats.grounds.map(([kind, n]) => `${groundLabel(kind)} (${n})`).join(', ')}` : '';
  return `${stats.others} other item${stats.others === 1 ? '' : 's'} for this service here: ${parts.join(', ')}${grounds}`;
}

/** "3 PDFs of the workspace not read yet": what a hover's figures leave out while PDFs are read in the background. */
export function unreadPdfsNote(unread: number): string {
  return `${unread} PDF${unread === 1 ? '' : 's'} of the workspace not read yet`;
}
