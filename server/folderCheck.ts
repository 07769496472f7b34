// "Check Letters in Folder": the diagnostics of every letter of a folder, open or not, as `imr-letters lint` gives
// them, published for each file so that the Problems view lists the whole folder. An open letter keeps the
// editor's diagnostics (of its text, not its file); when it closes, its file is checked again. A checked file the
// client reports changed or deleted is checked again or cleared, so that the list stays true until the server stops.
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { FolderCheckResult } from '../core/model';
import { Cancelled, readLetterText, type FileChange } from './workspaceIndex';

export interface FolderCheckHost {
  /** The letter files under a folder, in order (workspaceIndex.ts). */
  files(root: string, isCancelled: () => boolean): Promise<string[]>;
  /** The diagnostics of a letter's text (of the file at `uri`), with the rules' severities of the folder; null: not a letter. */
  lint(text: string, uri: string, folderUri: string): Promise<Diagnostic[] | null>;
  /** The diagnostics of the open document standing for the file (its text as edited; null: not a letter); undefined when none is open. */
  lintOpen(file: string, folderUri: string): Promise<Diagnostic[] | null> | undefined;
  isOpen(file: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

export interface CheckOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Files read at once; the parse and lint run one after another between reads. */
const readsAtOnce = 8;

export class FolderCheck {
  /** Checked files whose diagnostics this check published: path → the folder whose settings they were linted with. */
  private readonly checked = new Map<string, string>();

  constructor(private readonly host: FolderCheckHost) {}

  async check(folder: string, folderUri: string, options: CheckOptions = {}): Promise<FolderCheckResult> {
    const isCancelled = options.isCancelled ?? (() => false);
    const files = await this.host.files(folder, isCancelled);
    const result: FolderCheckResult = { files: files.length, letters: 0, lettersWithProblems: 0, errors: 0, warnings: 0, information: 0, hints: 0, open: 0, unreadable: 0 };
    // Files of this folder checked before and gone now: their problems go too.
    const present = new Set(files);
    for (const [file, from] of this.checked) {
      if (from === folderUri && !present.has(file)) this.clear(file);
    }
    options.onProgress?.(0, files.length);
    for (let k = 0; k < files.length; k += readsAtOnce) {
      if (isCancelled()) throw new Cancelled();
      const batch = files.slice(k, k + readsAtOnce);
      const found = await Promise.all(batch.map((file) => this.diagnosticsOf(file, folderUri)));
      found.forEach((f) => {
        if (f === 'unreadable') result.unreadable++;
        if (!f || f === 'unreadable') return;
        result.letters++;
        if (f.open) result.open++;
        if (f.diagnostics.length > 0) result.lettersWithProblems++;
        for (const d of f.diagnostics) {
          if (d.severity === DiagnosticSeverity.Error) result.errors++;
          else if (d.severity === DiagnosticSeverity.Warning) result.warnings++;
          else if (d.severity === DiagnosticSeverity.Information) result.information++;
          else result.hints++;
        }
      });
      options.onProgress?.(k + batch.length, files.length);
    }
    return result;
  }

  /** A document standing for a file closed: if the file was checked, its problems are those of the file again. */
  documentClosed(file: string): void {
    const folderUri = this.checked.get(file);
    if (folderUri) void this.diagnosticsOf(file, folderUri);
  }

  /** Files the client reports changed, created or deleted: those checked are checked again, or cleared. */
  filesChanged(changes: readonly FileChange[]): void {
    for (const c of changes) {
      const folderUri = this.checked.get(c.path);
      if (!folderUri) continue;
      if (c.type === 'deleted') this.clear(c.path);
      else void this.diagnosticsOf(c.path, folderUri);
    }
  }

  /**
   * Checks one file and publishes its diagnostics (unless it is open: the editor's stand). Null when it is no
   * letter (its earlier problems, if any, are cleared).
   */
  private async diagnosticsOf(file: string, folderUri: string): Promise<{ diagnostics: Diagnostic[]; open: boolean } | null | 'unreadable'> {
    const open = this.host.lintOpen(file, folderUri);
    if (open) {
      // Counted as the editor shows it; the editor publishes its diagnostics itself.
      const diagnostics = await open;
      if (diagnostics) this.checked.set(file, folderUri);
      return diagnostics && { diagnostics, open: true };
    }
    let diagnostics: Diagnostic[] | null = null;
    let unreadable: string | undefined;
    try {
      const st = await fs.stat(file);
      const decoded = await readLetterText(file, st.size);
      if (decoded.ok) diagnostics = await this.host.lint(decoded.text, pathToFileURL(file).href, folderUri);
      else unreadable = decoded.reason;
    } catch (e) {
      unreadable = `cannot read it (${(e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e))})`;
    }
    if (!diagnostics) {
      // As the command line says it on stderr.
      if (unreadable) this.host.log(`Check Letters in Folder: ${file}: ${unreadable}`);
      this.clear(file);
      return unreadable ? 'unreadable' : null;
    }
    this.checked.set(file, folderUri);
    // Opened while it was read: the editor's diagnostics, of its text, stand.
    if (!this.host.isOpen(file)) this.host.publish(pathToFileURL(file).href, diagnostics);
    return { diagnostics, open: false };
  }

  private clear(file: string): void {
    if (!this.checked.delete(file)) return;
    if (!this.host.isOpen(file)) this.host.publish(pathToFileURL(file).href, []);
  }
}
