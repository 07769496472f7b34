// The letters of the workspace folders on disk: scanned lazily, re-read only when a file changes. A client that
// watches files for the server (didChangeWatchedFiles) says which files changed; otherwise each reading compares
// every file's mtime and size with the last one's. Letters published as PDFs are read before the answer only for
// readings that ask for them (a folder summary, references): reading a PDF takes tens of ms, and a symbol search or
// a hover must not wait on hundreds. The other readings take the PDFs as last read and leave the rest to a
// background reading, one PDF at a time (so that a PDF the user opens never waits behind it), which the next
// reading finds done.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workspaceLetterOf, type WorkspaceLetter, type WorkspaceLetterData } from '../core/features/workspaceLetter';
import { parseLetter } from '../core/parser/parseLetter';
import { maxLetterBytes, type DecodeResult } from '../core/text/decode';
import { isPdfFileName, letterText, maxPdfBytes } from '../pdf/load';

interface Entry {
  uri: string;
  mtimeMs: number;
  size: number;
  /** What the features need of the letter, not its model (workspaceLetter.ts); null: read, but not a letter. */
  letter: WorkspaceLetterData | null;
  /** The letter's key (workspaceLetter.ts): copies of one letter count once. */
  key: string;
  /** Read while the client watched the file's folder: it stays as read until the client reports a change. */
  watched: boolean;
}

/** A file event from the client, as workspace/didChangeWatchedFiles has it (FileChangeType). */
export interface FileChange {
  path: string;
  type: 'created' | 'changed' | 'deleted';
}

export interface ScanOptions {
  isCancelled?: () => boolean;
  /**
   * Check every file's mtime and size, even those the client watches: for a reading the user asked for and waits
   * on (a folder summary), which must not miss a change the client's watcher did not report (a folder excluded
   * from watching, a watcher over its limits).
   */
  verify?: boolean;
  /** Called as files are checked: how many of how many (the files listed, those taken as read included). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Read the PDFs (*.pdf) before answering. Otherwise each PDF counts as last read (if it was), and one not yet
   * read, or changed since, is read in the background (`unreadPdfs` says how many are left).
   */
  pdfs?: boolean;
  /** Without `pdfs`: leave the PDFs out, neither counted as last read nor read in the background (imr.workspacePdfs off). */
  skipPdfs?: boolean;
}

const letterExtensions = new Set(['.txt', '.imr', '.pdf']);
const skippedDirs = new Set(['node_modules', 'out', 'dist']);
/** A workspace with more files than this is only partly indexed, rather than freezing the server. */
const maxFiles = 20000;
/** Files read at once while indexing. */
const readsAtOnce = 16;

export class Cancelled extends Error {}

/**
 * A letter file's text, decoded as the command line decodes it (UTF-8, or UTF-16 with its mark, or a PDF's text
 * through pdf.js), or why it has none. `size` is the file's, from a stat: larger files are not read. Rejects if the
 * file cannot be read.
 */
export async function readLetterText(file: string, size: number): Promise<DecodeResult> {
  const limit = isPdfFileName(file) ? maxPdfBytes : maxLetterBytes;
  if (size > limit) return { ok: false, reason: `too large (${(size / (1024 * 1024)).toFixed(1)} MB); not read` };
  return letterText(await fs.readFile(file));
}

/** How the background reading of PDFs goes: read so far in this round, and still to read (0: the round is over). */
export type PdfBacklogListener = (read: number, left: number) => void;

/** Whether a path lies inside a folder (not the folder itself, not a sibling that starts with its name). */
function isUnder(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

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
  /** Whether the client reports the workspace folders' file changes (set once its watchers are registered). */
  private watching = false;
  /** How many change reports came: a file read while one came may hold what was there before it. */
  private changeReports = 0;

  /** PDFs to read in the background, in the order found; each stays here until it has been read. */
  private readonly pdfBacklog = new Set<string>();
  private draining = false;
  private stopped = false;

  constructor(
    private readonly log: (message: string) => void,
    private readonly onPdfBacklog?: PdfBacklogListener,
  ) {}

  /** PDFs of the workspace that readings without `pdfs` have found and that are not read yet (or changed since). */
  get unreadPdfs(): number {
    return this.pdfBacklog.size;
  }

  /** The PDFs not read yet but those given (open in the editor: their text is there). */
  unreadPdfsBesides(open: ReadonlySet<string>): number {
    let n = 0;
    for (const file of this.pdfBacklog) if (!open.has(file)) n++;
    return n;
  }

  /** No more background reading (the server is shutting down). */
  stop(): void {
    this.stopped = true;
    this.pdfBacklog.clear();
  }

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
    // A folder removed from the workspace: its PDFs are no longer to read.
    for (const file of this.pdfBacklog) if (!this.folders.some((f) => isUnder(file, f))) this.pdfBacklog.delete(file);
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /**
   * From now on the client reports every change under the workspace folders: files read from now on are not
   * checked again until it reports them (a reading of 10,000 letters then lists folders, without a stat per file).
   * Files read before are checked once more, as a change between their reading and now went unreported.
   */
  startWatching(): void {
    this.watching = true;
  }

  /** Files the client reports changed, created or deleted: each is read again when next needed. */
  filesChanged(changes: readonly FileChange[]): void {
    this.changeReports++;
    const folders = new Set<string>();
    for (const c of changes) {
      this.entries.delete(c.path);
      this.reading.delete(c.path);
      if (c.type === 'deleted') this.pdfBacklog.delete(c.path);
      // A folder created or deleted may come as one event for the folder (a move, a checkout): whatever was read
      // under it is read again.
      if (c.type !== 'changed') folders.add(c.path);
    }
    if (!folders.size) return;
    for (const file of this.entries.keys()) {
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        if (folders.has(dir)) {
          this.entries.delete(file);
          break;
        }
        if (path.dirname(dir) === dir) break;
      }
    }
  }

  private isWatched(file: string): boolean {
    return this.watching && this.folders.some((f) => isUnder(file, f));
  }

  /** The letters under the workspace folders (or under one folder), read or refreshed now. */
  async letters(options: ScanOptions = {}, root?: string): Promise<WorkspaceLetter[]> {
    const roots = root ? [root] : this.folders;
    const files = await this.files(root, options.isCancelled);
    this.forgetGone(roots, files);
    const pdfNow = options.pdfs === true;
    if (options.skipPdfs && !pdfNow) {
      this.pdfBacklog.clear();
      const texts = files.filter((f) => !isPdfFileName(f));
      files.length = 0;
      files.push(...texts);
    }
    // A letter read while watched is taken as it is; the others are read (or stat'ed) a few at a time: their reads
    // overlap (each is a round trip through libuv's thread pool), the parses run one after another.
    const found: Array<Entry | undefined> = files.map((file) => {
      const entry = this.entries.get(file);
      return entry?.watched && !options.verify ? entry : undefined;
    });
    const toRead = files.flatMap((file, i) => (found[i] ? [] : [i]));
    const already = files.length - toRead.length;
    options.onProgress?.(already, files.length);
    for (let k = 0; k < toRead.length; k += readsAtOnce) {
      if (options.isCancelled?.()) throw new Cancelled();
      const batch = toRead.slice(k, k + readsAtOnce);
      const entries = await Promise.all(
        batch.map((i) =>
          options.verify ? this.readNow(files[i], { verify: true, pdfNow }) : this.read(files[i], pdfNow),
        ),
      );
      batch.forEach((i, j) => (found[i] = entries[j]));
      options.onProgress?.(already + k + batch.length, files.length);
    }
    // In the order of the walk.
    const result: WorkspaceLetter[] = [];
    for (const entry of found) if (entry?.letter) result.push({ uri: entry.uri, letter: entry.letter, key: entry.key });
    return result;
  }

  /** Files no longer under the walked folders (deleted, moved, or a folder deleted with one event) are forgotten. */
  private forgetGone(roots: readonly string[], found: readonly string[]): void {
    if (found.length >= maxFiles) return;
    let known = 0;
    for (const file of found) if (this.entries.has(file)) known++;
    if (known === this.entries.size) return; // the usual case: nothing is gone
    const present = new Set(found);
    for (const file of this.entries.keys()) {
      if (!present.has(file) && roots.some((r) => isUnder(file, r))) this.entries.delete(file);
    }
  }

  /** The letter files under a folder (or the workspace folders), in the order of the walk: paths only, nothing read. */
  async files(root?: string, isCancelled?: () => boolean): Promise<string[]> {
    const files: string[] = [];
    for (const r of root ? [root] : this.folders) await this.walk(r, files, { isCancelled });
    return files;
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
  private readonly reading = new Map<string, Promise<Entry | undefined>>();

  private read(file: string, pdfNow = true): Promise<Entry | undefined> {
    const pending = this.reading.get(file);
    if (pending) {
      // A PDF read in the background: a reading that does not wait for PDFs takes it as last read.
      return pdfNow || !isPdfFileName(file) ? pending : Promise.resolve(this.entries.get(file));
    }
    if (!pdfNow && isPdfFileName(file)) return this.readNow(file, { pdfNow: false });
    const reading = this.readNow(file).finally(() => {
      // A change report may have put a newer reading in its place.
      if (this.reading.get(file) === reading) this.reading.delete(file);
    });
    this.reading.set(file, reading);
    return reading;
  }

  /**
   * The file's entry, read again unless its mtime and size are those of the last reading; undefined if unreadable.
   * A PDF to read when `pdfNow` is false is put in the background reading instead: its last entry, if any, is given.
   */
  private async readNow(file: string, { verify = false, pdfNow = true }: { verify?: boolean; pdfNow?: boolean } = {}): Promise<Entry | undefined> {
    try {
      const cached = this.entries.get(file);
      if (cached?.watched && !verify) return cached;
      // Watched from here on: a change after this point is reported, and drops the entry (filesChanged).
      const reportsBefore = this.changeReports;
      const watched = this.isWatched(file);
      // A report that came while the file was read may be about this file: its next reading checks it again.
      const stillWatched = () => watched && this.changeReports === reportsBefore;
      const st = await fs.stat(file);
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        cached.watched = stillWatched();
        return cached;
      }
      if (!pdfNow && isPdfFileName(file)) {
        this.queuePdf(file);
        return cached;
      }
      const uri = pathToFileURL(file).href;
      // What cannot be a letter's text (binary, another encoding, a PDF without text, too large) is no letter.
      const decoded = await readLetterText(file, st.size);
      const parsed = decoded.ok ? parseLetter(decoded.text) : undefined;
      const read = parsed?.isLetter ? workspaceLetterOf(uri, parsed) : null;
      const entry: Entry = { uri, mtimeMs: st.mtimeMs, size: st.size, letter: read?.letter ?? null, key: read?.key ?? '', watched: stillWatched() };
      this.entries.set(file, entry);
      return entry;
    } catch (e) {
      this.entries.delete(file);
      this.log(`Workspace index: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private queuePdf(file: string): void {
    if (this.stopped) return;
    this.pdfBacklog.add(file);
    if (!this.draining) void this.drainPdfs();
  }

  /** Reads the backlog's PDFs one after another until it is empty (new ones may come meanwhile). */
  private async drainPdfs(): Promise<void> {
    this.draining = true;
    let read = 0;
    try {
      this.onPdfBacklog?.(0, this.pdfBacklog.size);
      for (let next = this.pdfBacklog.values().next(); !next.done && !this.stopped; next = this.pdfBacklog.values().next()) {
        // read() never rejects: an unreadable PDF is logged and left out.
        await this.read(next.value);
        this.pdfBacklog.delete(next.value);
        read++;
        this.onPdfBacklog?.(read, this.pdfBacklog.size);
      }
    } finally {
      this.draining = false;
    }
  }
}
