// The other items of the workspace for the same service as an item of the letter: the precedents a reader of the
// letter looks for ("how were other requests for a lumbar MRI decided?"). Find All References on an item's title
// lists them, and the title's hover counts them. The same service is the same kind of service, whatever its quantity,
// dose, side or word order (serviceKind, core/text/serviceWords.ts; the folder summary's service groups); the
// workspace's copy of this letter is left out, the open document's own items being the ones to show.
import type { Location } from 'vscode-languageserver-types';
import type { DisputedItem, GroundKind, LetterModel, Position } from '../model';
import { itemGroundKinds } from '../parser/grounds';
import { itemTitleRange } from '../rules/itemRanges';
import { serviceKind } from '../text/serviceWords';
import { distinctWorkspaceLetters, sameFile, touches, type LetterDocument, type WorkspaceLetter } from './letterDocument';
import { letterKey } from '../summary/copies';
import { summarizeLetter } from '../summary/letterSummary';
import { groundKinds } from '../summary/grounds';
import type { WorkspaceItem } from './workspaceLetter';

/** The item whose title is under the cursor, if any. */
export function itemTitleAt(doc: LetterDocument, position: Position): DisputedItem | undefined {
  return doc.model.items.find((item) => touches(item.title.range, position));
}

// Each item's kind of service and grounds, worked out once per parse: the summary panel asks for every item's
// precedents at once, and a letter of thousands of items of one service made that quadratic in both.
const kindsOfItems = new WeakMap<DisputedItem, string>();
function kindOf(item: DisputedItem): string {
  let kind = kindsOfItems.get(item);
  if (kind === undefined) kindsOfItems.set(item, (kind = serviceKind(item.service)));
  return kind;
}
const groundsOfItems = new WeakMap<DisputedItem, GroundKind[]>();
function groundsOf(item: DisputedItem): GroundKind[] {
  let grounds = groundsOfItems.get(item);
  if (grounds === undefined) groundsOfItems.set(item, (grounds = itemGroundKinds(item)));
  return grounds;
}

/** A workspace item's kind of service: worked out once when its letter was read (older entries: now). */
function workspaceKind(item: WorkspaceItem): string {
  return item.serviceKind ?? serviceKind(item.service);
}

/** The items for the same kind of service: this letter's others, then the other letters', in the order given. */
function sameServiceItems(doc: LetterDocument, item: DisputedItem, letters: Iterable<WorkspaceLetter>): Array<{ uri: string; item: WorkspaceItem | DisputedItem }> {
  if (item.service.trim() === '') return [];
  const key = kindOf(item);
  const found: Array<{ uri: string; item: WorkspaceItem | DisputedItem }> = [];
  for (const other of doc.model.items) if (other !== item && kindOf(other) === key) found.push({ uri: doc.uri, item: other });
  const own = sameFile(doc.uri);
  for (const letter of letters) {
    if (sameFile(letter.uri) === own) continue;
    for (const other of letter.letter.items) if (workspaceKind(other) === key) found.push({ uri: letter.uri, item: other });
  }
  return found;
}

/** Find All References on an item's title: the title itself, then every other item for the same service. */
export function getServiceReferences(doc: LetterDocument, position: Position, letters: Iterable<WorkspaceLetter> = []): Location[] | null {
  const item = itemTitleAt(doc, position);
  if (!item) return null;
  return [
    { uri: doc.uri, range: itemTitleRange(item) },
    // Each at its title, where its workspace symbol points.
    ...sameServiceItems(doc, item, letters).map(({ uri, item: other }) => ({ uri, range: 'symbolRange' in other ? other.symbolRange : itemTitleRange(other) })),
  ];
}

export interface ServiceStats {
  /** Other items for the same service in the workspace. */
  others: number;
  upheld: number;
  overturned: number;
  /** The grounds their rationales give most often (core/parser/grounds.ts), with how many of them give each: at most
   *  three, the most frequent first; absent when none gives any. */
  grounds?: [GroundKind, number][];
}

const groundsShown = 3;

// The letter's own key, once per parse (the summary panel asks for every item of the letter at once).
const ownKeys = new WeakMap<LetterModel, string>();
function ownKey(model: LetterModel): string {
  let key = ownKeys.get(model);
  if (key === undefined) ownKeys.set(model, (key = letterKey(summarizeLetter(model, '', ''))));
  return key;
}

/**
 * How the other items for the same service were decided: each letter counted once, and none of this letter's copies
 * (its PDF, the text saved from it), whose items are its own.
 */
export function serviceStats(doc: LetterDocument, item: DisputedItem, letters: Iterable<WorkspaceLetter>): ServiceStats {
  return serviceStatsOf(doc, [item], letters)[0];
}

/** A kind of service's decisions and grounds, over the items counted. */
interface Tally {
  items: number;
  upheld: number;
  overturned: number;
  grounds: Map<GroundKind, number>;
}

function count(tally: Tally, decision: string | undefined, grounds: readonly GroundKind[], by: 1 | -1): void {
  tally.items += by;
  if (decision === 'Upheld') tally.upheld += by;
  else if (decision === 'Overturned') tally.overturned += by;
  for (const kind of grounds) tally.grounds.set(kind, (tally.grounds.get(kind) ?? 0) + by);
}

/**
 * serviceStats of several items of the letter: each kind of service is tallied once over the letter and the
 * workspace, and each item's figures are its kind's less the item itself (the same figures as item by item).
 */
export function serviceStatsOf(doc: LetterDocument, items: readonly DisputedItem[], letters: Iterable<WorkspaceLetter>): ServiceStats[] {
  const tallies = new Map<string, Tally>();
  for (const item of items) if (item.service.trim() !== '') tallies.set(kindOf(item), { items: 0, upheld: 0, overturned: 0, grounds: new Map() });
  if (tallies.size > 0) {
    for (const other of doc.model.items) {
      const tally = tallies.get(kindOf(other));
      if (tally) count(tally, other.decision, groundsOf(other), 1);
    }
    const own = sameFile(doc.uri);
    for (const letter of distinctWorkspaceLetters(letters, ownKey(doc.model))) {
      if (sameFile(letter.uri) === own) continue;
      // A workspace item carries its grounds, read when its letter was.
      for (const other of letter.letter.items) {
        const tally = tallies.get(workspaceKind(other));
        if (tally) count(tally, other.decision, other.grounds ?? [], 1);
      }
    }
  }
  return items.map((item) => {
    const tally = item.service.trim() === '' ? undefined : tallies.get(kindOf(item));
    if (!tally) return { others: 0, upheld: 0, overturned: 0 };
    const less: Tally = { ...tally, grounds: new Map(tally.grounds) };
    count(less, item.decision, groundsOf(item), -1);
    const stats: ServiceStats = { others: less.items, upheld: less.upheld, overturned: less.overturned };
    const grounds = [...less.grounds].filter(([, n]) => n > 0);
    const order = (kind: GroundKind) => groundKinds.indexOf(kind);
    if (grounds.length > 0) stats.grounds = grounds.sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0])).slice(0, groundsShown);
    return stats;
  });
}
