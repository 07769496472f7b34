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

/**
 * Extensions of markup, data and code formats, whose files a folder walk passes by: a README or a page of notes
 * quotes letters, a CSV or JSON of results holds their words, and `summary dir > dir/summary.md` creates its own
 * output in the folder. Read as letters, they would count as letters or fail lint. Images, archives, spreadsheets
 * and media beside the letters (a screenshot, the corpus's zip) are no letter either: each would fail the run as a
 * binary file. Named on the command line, they are read. A word processor's binary file (.doc, .docx) may hold a
 * letter, and is still reported as unreadable; RTF is markup, passed by.
 */
const notLetterExtensions = new Set(
  ['md', 'markdown', 'rst', 'rtf', 'html', 'htm', 'xml', 'svg', 'json', 'jsonl', 'csv', 'tsv', 'sarif', 'yml', 'yaml', 'toml']
    .concat(['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'py', 'css'])
    .concat(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'ico'])
    .concat(['zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar', 'xlsx', 'xls', 'ods', 'parquet', 'duckdb', 'sqlite', 'db'])
    .concat(['mp3', 'wav', 'm4a', 'mp4', 'mov', 'avi'])
    .map((e) => `.${e}`),
);

function markupOrData(name: string): boolean {
  return notLetterExtensions.has(path.extname(name).toLowerCase());
}

/** Code-unit order, the same on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * What the walk has met. A folder met again (a symbolic link back to an enclosing one) would be walked forever: folders
 * are known by device and inode. A file met again (named twice, named beside its folder, a link to a file found
 * already) would be read twice: files are known by their real path, which costs a lookup only for a file named on the
 * command line or reached through a link, and one per folder walked, not one per file (a hard link is a name of its
 * own, read as such). The first meeting wins, so the output keeps the order of discovery.
 */
class Seen {
  private readonly folders = new Set<string>();
  private readonly files = new Set<string>();

  /** True the first time the folder `st` is met. */
  firstFolder(st: Stats): boolean {
    const key = `${st.dev}:${st.ino}`;
    if (this.folders.has(key)) return false;
    this.folders.add(key);
    return true;
  }

  /** True the first time the file of this real path is met. */
  firstFile(realPath: string): boolean {
    if (this.files.has(realPath)) return false;
    this.files.add(realPath);
    return true;
  }
}

export async function* discover(inputs: readonly string[]): AsyncGenerator<Found> {
  const seen = new Seen();
  for (const input of inputs) {
    const st = await statOrReason(input);
    if (typeof st === 'string') yield { kind: 'problem', file: input, reason: st };
    else if (st.isDirectory()) yield* walk(input, st, seen);
    else if (st.isFile() || namedStream(st)) yield* once({ kind: 'file', file: input, explicit: true }, await realPath(input), seen);
    else yield { kind: 'problem', file: input, reason: 'not a regular file' };
  }
}

/**
 * A pipe or a character device named on the command line (`lint <(pdftotext a.pdf -)`, /dev/stdin) is read, as
 * `parse` and `text` read it: the user chose it. In a folder, they are passed by (reading a FIFO could block forever).
 */
function namedStream(st: Stats): boolean {
  return st.isFIFO() || st.isCharacterDevice();
}

function* once(found: Found, real: string | undefined, seen: Seen): Generator<Found> {
  // A file whose real path cannot be had now is yielded all the same: reading it says why it cannot be read.
  if (real === undefined || seen.firstFile(real)) yield found;
}

async function realPath(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

async function* walk(dir: string, st: Stats, seen: Seen): AsyncGenerator<Found> {
  if (!seen.firstFolder(st)) return;
  // The folder's real path, once: its files' real paths are this and their names.
  const real = (await realPath(dir)) ?? path.resolve(dir);
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
    const letterLike = !markupOrData(entry.name);
    if (entry.isFile()) {
      if (letterLike) yield* once({ kind: 'file', file: p, explicit: false }, path.join(real, entry.name), seen);
    } else if (entry.isDirectory()) {
      yield* walk(p, await fs.stat(p), seen);
    } else if (entry.isSymbolicLink()) {
      const target = await statOrReason(p);
      if (typeof target === 'string') {
        if (letterLike) yield { kind: 'problem', file: p, reason: target };
      } else if (target.isDirectory()) yield* walk(p, target, seen);
      else if (target.isFile() && letterLike) yield* once({ kind: 'file', file: p, explicit: false }, await realPath(p), seen);
    }
    // Sockets, FIFOs and devices in a folder are not letters, and reading a FIFO could block forever.
  }
}

/** What a command says when the paths held no letter and no file to report (exit status 2). */
export function noLettersMessage(paths: readonly string[]): string {
  return `no letters found in ${paths.join(', ')}`;
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
