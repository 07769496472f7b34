// The decision-summary webviews: one letter (follows the active letter) or a whole folder; restored after a reload.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ActiveLetter } from './activeLetter';
import { isPdfUri, type PdfLetters } from './pdfLetters';
import { exportSummaries } from './export';
import type { FolderRow } from '../core/summary/folderRows';
import { fileName, folderRows, keptSummaries, summarizeFolder } from '../core/summary/folderRows';
import { distinctLetters, type Copy } from '../core/summary/copies';
import type { LetterStore } from './letters';
import type { ItemContextResult } from './protocol';
import type { LetterModel } from '../core/model';
import { revealItem, toVsRange } from './navigation';
import type { LetterSummary } from '../core/summary/letterSummary';
import { summarizeLetter, withContextGrounds } from '../core/summary/letterSummary';
import type { FolderFilter, FolderSort } from '../core/summary/folderStats';
import { withCheckIds, type LetterChecks } from '../core/summary/itemChecks';
import { letterChecks } from './letterChecks';
import { filterRows, isFiltered, nextFilter, nextSort, noFilter, sortRows } from '../core/summary/folderStats';
import { folderPageSize, readStatus, renderFolderBody, renderLetterBody, renderPage, shownStatus, sortStatus } from './summaryHtml';
import type { WebviewMessage } from './webviewMessages';
import { parseWebviewMessage } from './webviewMessages';

export const letterViewType = 'imrSummary';
export const folderViewType = 'imrFolderSummary';

type FolderMessage = Extract<WebviewMessage, { type: 'filter' | 'clearFilter' | 'more' | 'refresh' | 'sort' }>;

interface Services {
  context: vscode.ExtensionContext;
  store: LetterStore;
  active: ActiveLetter;
  /** Opens a letter's PDF as its text (a folder's letters may be PDFs). */
  pdfs: PdfLetters;
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** What both panels share: the page, the updates, the validated messages. */
abstract class SummaryPanel implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private lastBody: string | undefined;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly services: Services,
    public uri: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(services.context);
    panel.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'icon.png');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
    );
  }

  protected abstract title(): string;
  protected abstract body(): string;
  protected abstract reveal(message: { index: number } | { row: number }): Promise<void>;
  protected abstract export(format: string): Promise<void>;
  /** What the page's status line says, for screen readers: the outcome of the user's last change, if any. */
  protected status(): string | undefined {
    return undefined;
  }

  /** Writes the whole page (first time) or posts the new body (keeps the scroll position). */
  render(full = false): void {
    if (this.disposed) return;
    const body = this.body();
    const title = this.title();
    this.panel.title = title;
    if (full || this.lastBody === undefined) {
      const webview = this.panel.webview;
      const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'media', file)).toString();
      webview.html = renderPage({
        nonce: randomBytes(18).toString('base64'),
        cspSource: webview.cspSource,
        scriptUri: media('summary.js'),
        styleUri: media('summary.css'),
        title,
        uri: this.uri.toString(),
        body,
      });
    } else if (body !== this.lastBody) {
      void this.panel.webview.postMessage({ type: 'update', html: body, uri: this.uri.toString(), title, announce: this.status() });
    }
    this.lastBody = body;
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    const done = (p: Promise<void>) =>
      void p.catch((e: unknown) => vscode.window.showErrorMessage(`IMR: ${e instanceof Error ? e.message : String(e)}`));
    if (message.type === 'ready') {
      // The page may have missed updates posted while it was loading.
      this.lastBody = '';
      this.render();
    } else if (message.type === 'reveal') done(this.reveal(message));
    else if (message.type === 'export') done(this.export(message.format));
    else this.onFolderMessage(message);
  }

  /** The folder summary's filter, paging and refresh; the letter summary has none of them. */
  protected onFolderMessage(_message: FolderMessage): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

/** How soon the panel asks again for a letter's context while the folder is being read. */
const contextRetryMs = 1000;

/** The summary of one letter; follows the active letter and its edits. */
export class LetterSummaryPanel extends SummaryPanel {
  /** What the workspace says of the items of each model shown (asked once per model: a reparse makes a new one). */
  private readonly contexts = new WeakMap<LetterModel, ItemContextResult | 'asked'>();

  /** The items' sections and precedents for the model shown; asked for, and the page shown again, when not known. */
  private context(): ItemContextResult | undefined {
    const model = this.services.store.cached(this.uri);
    if (!model) return undefined;
    const known = this.contexts.get(model);
    if (known === 'asked') return undefined;
    if (known !== undefined) return known;
    this.contexts.set(model, 'asked');
    const uri = this.uri;
    this.services.store.itemContext(uri).then(
      (result) => {
        this.contexts.set(model, result);
        const shown = () => !this.isDisposed && this.uri.toString() === uri.toString() && this.services.store.cached(uri) === model;
        if (shown()) this.render();
        // The folder was still being read (the first reading of a large one takes seconds): ask again in a moment,
        // so that the precedents appear once it is read, not never.
        if (result?.pending)
          setTimeout(() => {
            if (this.contexts.get(model) !== result) return;
            this.contexts.delete(model);
            if (shown()) this.render();
          }, contextRetryMs);
      },
      () => this.contexts.set(model, null),
    );
    return undefined;
  }

  /** The summary; null when the server has no model of the document, undefined while it is asked. */
  private summary(): LetterSummary | null | undefined {
    const model = this.services.store.cached(this.uri);
    return model ? summarizeLetter(model, fileName(this.uri.toString()), this.uri.toString()) : model;
  }

  constructor(panel: vscode.WebviewPanel, services: Services, uri: vscode.Uri) {
    super(panel, services, uri);
    this.disposables.push(
      services.active.onDidChange(() => {
        const active = services.active.uri;
        if (active && active.toString() !== this.uri.toString()) this.uri = active;
        this.render();
      }),
      services.store.onDidChange((changed) => {
        if (changed.toString() === this.uri.toString()) this.render();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.uri.toString())) this.render();
      }),
    );
    if (services.store.cached(uri) === undefined) services.store.refresh(uri);
  }

  protected title(): string {
    return `IMR Summary: ${fileName(this.uri.toString())}`;
  }

  protected body(): string {
    return renderLetterBody(this.summary(), this.context() ?? undefined, this.checks());
  }

  /** The letter's problems as the editor has them (the Problems view's), each item's under it. */
  private checks(): LetterChecks | undefined {
    const model = this.services.store.cached(this.uri);
    return model ? letterChecks(this.uri, model) : undefined;
  }

  protected async reveal(message: { index: number } | { row: number }): Promise<void> {
    if (!('index' in message)) return;
    if (!this.services.store.cached(this.uri)?.items.some((i) => i.index === message.index)) return;
    await revealItem(this.services.store, this.uri, message.index);
  }

  protected async export(format: string): Promise<void> {
    const shown = this.summary();
    if (!shown) return;
    const grounded = withContextGrounds(shown, this.context()?.items ?? []);
    // The checks as the panel shows them: the letter's diagnostics, by rule id.
    const checks = this.checks();
    const summary = checks ? withCheckIds(grounded, checks) : grounded;
    await exportSummaries([summary], vscode.Uri.joinPath(this.uri, '..'), summary.name.replace(/\.[^.]*$/, ''), format);
  }

}

const couldNotSummarise = 'The language server could not summarise this folder';

/** The items of every letter in a folder, as parsed by the server. */
export class FolderSummaryPanel extends SummaryPanel {
  private summaries: LetterSummary[] | undefined;
  /** Files left out as copies of a letter counted already. */
  private copies: Copy[] = [];
  private rows: FolderRow[] = [];
  private error: string | undefined;
  private filter: FolderFilter = noFilter;
  /** The positions of the rows the filter keeps. */
  private kept: number[] = [];
  private limit = folderPageSize;
  private loading = false;
  private sort: FolderSort | undefined;
  /** The status line: the reading's progress or outcome, or what the last filter or sort shows. */
  private statusLine = '';

  constructor(panel: vscode.WebviewPanel, services: Services, folder: vscode.Uri) {
    super(panel, services, folder);
  }

  /** Reads the folder's letters (again): the filter stays, the page shows the new rows when they are in. */
  async load(): Promise<void> {
    this.loading = true;
    this.statusLine = 'Reading the letters…';
    this.render();
    try {
      // How far the server is, put straight into the page (not a new page for each report).
      const result = await this.services.store.folder(this.uri, (text) => void this.panel.webview.postMessage({ type: 'progress', text }));
      ({ letters: this.summaries, copies: this.copies } = distinctLetters(summarizeFolder(result.letters, this.uri.toString())));
      this.rows = folderRows(this.summaries);
      this.kept = sortRows(this.rows, filterRows(this.rows, this.filter), this.sort);
      this.error = undefined;
      this.statusLine = readStatus(this.summaries.length, this.rows, this.kept, isFiltered(this.filter));
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.statusLine = couldNotSummarise;
    }
    this.loading = false;
    this.render();
  }

  protected title(): string {
    return `IMR Folder Summary: ${fileName(this.uri.toString())}`;
  }

  protected override status(): string {
    return this.statusLine;
  }

  protected body(): string {
    if (this.error) return `<p class="muted">${couldNotSummarise}.</p>`;
    if (!this.summaries) return '<p class="muted" id="reading">Reading the letters…</p>';
    return renderFolderBody({
      folderName: fileName(this.uri.toString()),
      rows: this.rows,
      letters: this.summaries.length,
      copies: this.copies,
      filter: this.filter,
      kept: this.kept,
      limit: this.limit,
      loading: this.loading,
      sort: this.sort,
    });
  }

  protected override onFolderMessage(message: FolderMessage): void {
    if (message.type === 'refresh') {
      if (!this.loading) void this.load();
      return;
    }
    // "Show more" says nothing: the keyboard moves to the first row it shows.
    if (message.type === 'more') this.limit += folderPageSize;
    else {
      if (message.type === 'sort') this.sort = nextSort(this.sort, message);
      else this.filter = message.type === 'clearFilter' ? noFilter : nextFilter(this.filter, message);
      this.kept = sortRows(this.rows, filterRows(this.rows, this.filter), this.sort);
      this.limit = folderPageSize;
      this.statusLine = message.type === 'sort' ? sortStatus(this.sort) : shownStatus(this.rows, this.kept);
    }
    this.render();
  }

  protected async reveal(message: { index: number } | { row: number }): Promise<void> {
    if (!('row' in message)) return;
    const row = this.rows[message.row];
    if (!row) return;
    const uri = vscode.Uri.parse(row.uri);
    // A letter published as a PDF opens as its text, where the item's range is.
    const document = isPdfUri(uri) ? await this.services.pdfs.open(uri, false) : await vscode.workspace.openTextDocument(uri);
    if (!document) return;
    const start = toVsRange(row.titleRange).start;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(start, start) });
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  protected async export(format: string): Promise<void> {
    if (!this.summaries) return;
    // What the table shows: the filtered items, when a filter is set.
    const summaries = isFiltered(this.filter) ? keptSummaries(this.summaries, this.rows, this.kept) : this.summaries;
    await exportSummaries(summaries, this.uri, fileName(this.uri.toString()), format);
  }
}

function validUri(state: unknown): vscode.Uri | undefined {
  const uri = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
  if (typeof uri !== 'string') return undefined;
  try {
    return vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
}

/** Registers the commands and serializers of both panels. */
export class SummaryPanels implements vscode.Disposable {
  private letter: LetterSummaryPanel | undefined;
  private folder: FolderSummaryPanel | undefined;

  constructor(private readonly services: Services) {
    const { context } = services;
    context.subscriptions.push(
      this,
      vscode.window.registerWebviewPanelSerializer(letterViewType, {
        deserializeWebviewPanel: async (panel, state) => {
          const uri = validUri(state);
          if (!uri) {
            panel.dispose();
            return;
          }
          // Opening the document lets the server (and the plain-text detection) see it again.
          await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
          this.adoptLetter(panel, uri);
        },
      }),
      vscode.window.registerWebviewPanelSerializer(folderViewType, {
        deserializeWebviewPanel: async (panel, state) => {
          const uri = validUri(state);
          if (!uri) {
            panel.dispose();
            return;
          }
          await this.adoptFolder(panel, uri);
        },
      }),
    );
  }

  /** Opens (or reveals) the summary beside the letter. */
  showLetter(uri: vscode.Uri): LetterSummaryPanel {
    if (this.letter && !this.letter.isDisposed) {
      this.letter.uri = uri;
      this.letter.render();
      this.letter.panel.reveal(undefined, true);
      return this.letter;
    }
    const panel = vscode.window.createWebviewPanel(letterViewType, 'IMR Summary', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.services.context));
    return this.adoptLetter(panel, uri);
  }

  async showFolder(folder: vscode.Uri): Promise<FolderSummaryPanel> {
    this.folder?.dispose();
    const panel = vscode.window.createWebviewPanel(folderViewType, 'IMR Folder Summary', vscode.ViewColumn.Active, webviewOptions(this.services.context));
    return this.adoptFolder(panel, folder);
  }

  get letterPanel(): LetterSummaryPanel | undefined {
    return this.letter && !this.letter.isDisposed ? this.letter : undefined;
  }

  private adoptLetter(panel: vscode.WebviewPanel, uri: vscode.Uri): LetterSummaryPanel {
    this.letter?.dispose();
    this.letter = new LetterSummaryPanel(panel, this.services, uri);
    this.letter.render(true);
    return this.letter;
  }

  private async adoptFolder(panel: vscode.WebviewPanel, folder: vscode.Uri): Promise<FolderSummaryPanel> {
    this.folder?.dispose();
    const created = new FolderSummaryPanel(panel, this.services, folder);
    this.folder = created;
    created.render(true);
    await created.load();
    return created;
  }

  dispose(): void {
    this.letter?.dispose();
    this.folder?.dispose();
  }
}
