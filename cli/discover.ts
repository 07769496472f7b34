// Walks the paths given on the command line, lazily and in sorted order, yielding the files to read.
import { promises as fs } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';

export type Found =
  /** `explicit`: named on the command line rather than found in a folder. */
  | { kind: 'file'; file: string; explicit: boolean }
  | { kind: 'problem'; file: string; reason: string };

/** Folder entries never searched: hidden files and folders (.git, .vscode) and installed packages. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Code-unit order, the same on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export async function* discover(inputs: readonly string[]): AsyncGenerator<Found> {
  const visited = new Set<string>();
  for (const input of inputs) {
    const st = await statOrReason(input);
    if (typeof st === 'string') yield { kind: 'problem', file: input, reason: st };
    else if (st.isDirectory()) yield* walk(input, st, visited);
    else if (st.isFile()) yield { kind: 'file', file: input, explicit: true };
    else yield { kind: 'problem', file: input, reason: 'not a regular file' };
  }
}

async function* walk(dir: string, st: Stats, visited: Set<string>): AsyncGenerator<Found> {
  // A symbolic link back to an enclosing folder would otherwise be walked forever.
  const key = `${st.dev}:${st.ino}`;
  if (visited.has(key)) return;
  visited.add(key);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'problem', file: dir, reason: errorReason(e) };
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    if (ignored(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isFile()) {
      yield { kind: 'file', file: p, explicit: false };
    } else if (entry.isDirectory()) {
      yield* walk(p, await fs.stat(p), visited);
    } else if (entry.isSymbolicLink()) {
      const target = await statOrReason(p);
      if (typeof target === 'string') yield { kind: 'problem', file: p, reason: target };
      else if (target.isDirectory()) yield* walk(p, target, visited);
      else if (target.isFile()) yield { kind: 'file', file: p, explicit: false };
    }
    // Sockets, FIFOs and devices in a folder are not letters, and reading a FIFO could block forever.
  }
}

async function statOrReason(p: string): Promise<Stats | string> {
  try {
    return await fs.stat(p);
  } catch (e) {
    if (isCode(e, 'ENOENT')) {
      const link = await fs.lstat(p).catch(() => undefined);
      if (link?.isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
    }
    return errorReason(e);
  }
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).code === code;
}

/** A short human reason for a file-system error, without the path (the caller prints it first). */
export function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return `cannot read (${err?.code ?? String(e)})`;
  }
}
