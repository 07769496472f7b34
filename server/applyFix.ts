// Quick fixes for a client without code action literals (LSP before 3.8): each fix is offered as a command,
// imr.applyFix, whose argument carries the fix's edit; the server applies it through workspace/applyEdit.
import type { WorkspaceEdit } from 'vscode-languageserver/node';

/** The command a client without code action literals gets a quick fix as. */
export const applyFixCommand = 'imr.applyFix';

/** applyFixCommand's argument: a fix's edit, for the version of the letter it was computed on. */
export interface ApplyFix {
  uri: string;
  version: number;
  title: string;
  edit: WorkspaceEdit;
}

export function isApplyFix(v: unknown): v is ApplyFix {
  if (!v || typeof v !== 'object') return false;
  const f = v as Partial<ApplyFix>;
  return typeof f.uri === 'string' && typeof f.version === 'number' && typeof f.title === 'string' && !!f.edit && typeof f.edit === 'object';
}
