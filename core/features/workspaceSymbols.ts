// Workspace symbols: the disputed items of many letters, found by service name.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { WorkspaceLetter } from './letterDocument';

/** Whether every character of the query appears in the name, in order (what editors' symbol pickers expect). */
export function fuzzyMatches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

function letterName(letter: WorkspaceLetter): string {
  const caseNumber = letter.letter.header?.caseNumber?.value;
  if (caseNumber) return caseNumber;
  const base = letter.uri.slice(letter.uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

export interface WorkspaceSymbolOptions {
  /** At most this many symbols (default 2000): a picker shows a few, and the answer must stay small. */
  limit?: number;
  isCancelled?: () => boolean;
}

export function getWorkspaceSymbols(
  letters: Iterable<WorkspaceLetter>,
  query: string,
  options: WorkspaceSymbolOptions = {},
): SymbolInformation[] {
  const limit = options.limit ?? 2000;
  const symbols: SymbolInformation[] = [];
  for (const letter of letters) {
    if (options.isCancelled?.()) return [];
    const container = letterName(letter);
    for (const item of letter.letter.items) {
      const name = item.service.replace(/\s+/g, ' ').trim() || '(untitled item)';
      if (!fuzzyMatches(query, name)) continue;
      symbols.push({
        name,
        kind: SymbolKind.Object,
        location: { uri: letter.uri, range: item.symbolRange },
        containerName: `${container} · ${item.detail}`,
      });
      if (symbols.length >= limit) return symbols;
    }
  }
  return symbols;
}
