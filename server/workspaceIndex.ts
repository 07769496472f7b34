// The letters of the workspace folders on disk: scanned lazily, re-read only when a file's mtime or size changes.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workspaceLetterOf, type WorkspaceLetter, type WorkspaceLetterData } from '../core/features/workspaceLetter';
import { parseLetter } from '../core/parser/parseLetter';
import { decodeLetter } from '../core/text/decode';

interface Entry {
  mtimeMs: number;
  size: number;
  /** What the features need of the letter, not its model (workspaceLetter.ts); null: read, but not a letter. */
  letter: WorkspaceLetterData | null;
}

export interface ScanOptions {
  isCancelled?: () => boolean;
}

const letterExtensions = new Set(['.txt', '.imr']);
const skippedDirs = new Set(['node_modules', 'out', 'dist']);
/** Bigger files are not letters (the largest real letter is under 30 kB). */
const maxLetterBytes = 2 * 1024 * 1024;
/** A workspace with more files than this is only partly indexed, rather than freezing the server. */
const maxFiles = 20000;
/** Files read at once while indexing. */
const readsAtOnce = 16;

export class Cancelled extends Error {}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private folders: string[] = [];

  constructor(private readonly log: (message: string) => void) {}

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** The letters under the workspace folders (or under one folder), read or refreshed now. */
  async letters(options: ScanOptions = {}, root?: string): Promise<WorkspaceLetter[]> {
    const roots = root ? [root] : this.folders;
    const files: string[] = [];
    for (const r of roots) await this.walk(r, files, options);
    const result: WorkspaceLetter[] = [];
    // A few files at a time: their reads overlap (each is a round trip through libuv's thread pool), the parses
    // run one after another, and the letters keep the order of the walk.
    for (let k = 0; k < files.length; k += readsAtOnce) {
      if (options.isCancelled?.()) throw new Cancelled();
      const batch = files.slice(k, k + readsAtOnce).map((file) => ({ file, uri: pathToFileURL(file).href }));
      const letters = await Promise.all(batch.map(({ file, uri }) => this.read(file, uri)));
      letters.forEach((letter, i) => {
        if (letter) result.push({ uri: batch[i].uri, letter });
      });
    }
    return result;
  }

  private async walk(dir: string, into: string[], options: ScanOptions): Promise<void> {
    if (into.length >= maxFiles) return;
    if (options.isCancelled?.()) throw new Cancelled();
    let names: Dirent[];
    try {
      names = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) {
      if (d.name.startsWith('.')) continue;
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (!skippedDirs.has(d.name)) await this.walk(p, into, options);
      } else if (d.isFile() && letterExtensions.has(path.extname(d.name).toLowerCase())) {
        into.push(p);
        if (into.length >= maxFiles) {
          this.log(`Workspace index: more than ${maxFiles} files, the rest is not indexed.`);
          return;
        }
      }
    }
  }

  /** Reads under way: two readings of the workspace at once (a hover's and a symbol search's) read each file once. */
  private readonly reading = new Map<string, Promise<WorkspaceLetterData | null>>();

  private read(file: string, uri: string): Promise<WorkspaceLetterData | null> {
    let pending = this.reading.get(file);
    if (!pending) {
      pending = this.readNow(file, uri).finally(() => this.reading.delete(file));
      this.reading.set(file, pending);
    }
    return pending;
  }

  private async readNow(file: string, uri: string): Promise<WorkspaceLetterData | null> {
    try {
      const st = await fs.stat(file);
      const cached = this.entries.get(file);
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.letter;
      let letter: WorkspaceLetterData | null = null;
      if (st.size <= maxLetterBytes) {
        // Decoded as the command line decodes a file (UTF-8, or UTF-16 with its mark); what cannot be a letter's
        // text (binary, a PDF, another encoding) is no letter.
        const decoded = decodeLetter(await fs.readFile(file));
        const parsed = decoded.ok ? parseLetter(decoded.text) : undefined;
        letter = parsed?.isLetter ? workspaceLetterOf(uri, parsed).letter : null;
      }
      this.entries.set(file, { mtimeMs: st.mtimeMs, size: st.size, letter });
      return letter;
    } catch (e) {
      this.entries.delete(file);
      this.log(`Workspace index: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }
}
