// A letter of the workspace as the server keeps it: what workspace symbols, the hovers' folder figures and the
// folder summary need of it, not its model. A folder of 10,000 letters is held in a fraction of the memory their
// models take (each model also keeps its whole text alive through the slices it holds).
import { folderLetterOf } from '../folderLetter';
import type { FolderItem, FolderLetter, LetterModel, Range } from '../model';
import { itemTitleRange } from '../rules/itemRanges';
import { itemDetail } from './documentSymbols';
import { citationKeys } from './hover';
import { letterKey } from '../summary/copies';
import { summarizeLetter } from '../summary/letterSummary';

export interface WorkspaceItem extends FolderItem {
  /** Where the item's workspace symbol points. */
  symbolRange: Range;
  /** The symbol's detail: "Upheld · partial". */
  detail: string;
  /** What the item's MAXIMUS guideline cites: knowledge-base entries, or the citation's words (hover.ts). */
  citedKeys: string[];
}

export interface WorkspaceLetterData extends FolderLetter {
  items: WorkspaceItem[];
}

/** A letter of the workspace, for workspace symbols, folder statistics and folder summaries. */
export interface WorkspaceLetter {
  uri: string;
  letter: WorkspaceLetterData;
  /** What makes two files the same letter (a PDF and the text saved from it): counted once in the figures. */
  key: string;
}

export function workspaceLetterOf(uri: string, model: LetterModel): WorkspaceLetter {
  const folder = folderLetterOf(model);
  const items = folder.items.map(
    (item, k): WorkspaceItem => ({
      ...item,
      symbolRange: itemTitleRange(model.items[k]),
      detail: itemDetail(model.items[k]),
      citedKeys: [...new Set((model.items[k].maximusGuideline?.citations ?? []).flatMap(citationKeys))],
    }),
  );
  // Copied flat: a string sliced from the letter's text would keep the whole text in memory.
  return { uri, letter: JSON.parse(JSON.stringify({ ...folder, items })) as WorkspaceLetterData, key: letterKey(summarizeLetter(folder, '', uri)) };
}
