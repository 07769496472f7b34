// The client's view of the letters: models fetched from the server (imr/letter), refreshed on imr/letterChanged.
// The client never parses a letter itself.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State, WorkDoneProgress } from 'vscode-languageclient/node';
import type { LetterModel } from '../core/model';
import type { FolderSummaryParams, FolderSummaryResult, ItemContextParams, ItemContextResult, LetterChangedParams, LetterParams, LetterResult } from './protocol';
import { folderSummaryRequest, itemContextRequest, letterChangedNotification, letterRequest } from './protocol';

export class LetterStore implements vscode.Disposable {
  private readonly models = new Map<string, LetterModel | null>();
  private readonly pending = new Map<string, Promise<LetterModel | null>>();
  private readonly stale = new Set<string>();
  private progressTokens = 0;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when the model of a document changed (after a reparse or a server restart). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    /** Starts the server if it is not running yet (it starts only when a letter is open). */
    private readonly ready: () => Promise<void>,
  ) {
    this.disposables.push(
      client.onNotification(letterChangedNotification, (p: LetterChangedParams) => this.refresh(vscode.Uri.parse(p.uri))),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) for (const uri of [...this.models.keys()]) this.refresh(vscode.Uri.parse(uri));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.models.delete(d.uri.toString())),
    );
  }

  /** The last model fetched for the document, if any. */
  cached(uri: vscode.Uri): LetterModel | null | undefined {
    return this.models.get(uri.toString());
  }

  /** The cached model, or the server's answer when nothing is cached yet. */
  async get(uri: vscode.Uri): Promise<LetterModel | null> {
    const key = uri.toString();
    if (this.models.has(key)) return this.models.get(key) ?? null;
    return this.fetch(uri);
  }

  /** Asks the server again. */
  refresh(uri: vscode.Uri): void {
    void this.fetch(uri).then(
      () => undefined,
      () => undefined,
    );
  }

  private fetch(uri: vscode.Uri): Promise<LetterModel | null> {
    const key = uri.toString();
    const running = this.pending.get(key);
    if (running) {
      // A reparse may have happened after that request was answered: ask once more when it is done.
      this.stale.add(key);
      return running;
    }
    const request = (async () => {
      await this.ready();
      const params: LetterParams = { uri: key };
      const model = (await this.client.sendRequest<LetterResult>(letterRequest, params)) ?? null;
      this.models.set(key, model);
      return model;
    })();
    this.pending.set(key, request);
    const settle = () => {
      this.pending.delete(key);
      if (this.stale.delete(key)) this.refresh(uri);
      else this.changed.fire(uri);
    };
    request.then(settle, settle);
    return request;
  }

  /** Each item's guideline sections and precedents in the workspace, for an open letter (imr/itemContext). */
  async itemContext(uri: vscode.Uri): Promise<ItemContextResult> {
    await this.ready();
    const params: ItemContextParams = { uri: uri.toString() };
    return this.client.sendRequest<ItemContextResult>(itemContextRequest, params);
  }

  /** The letters of a folder, parsed by the server; `onProgress` hears how far it is ("3,000 of 10,000 files"). */
  async folder(folder: vscode.Uri, onProgress?: (message: string) => void): Promise<FolderSummaryResult> {
    await this.ready();
    const workDoneToken = `imr/folderSummary/${++this.progressTokens}`;
    const listening = onProgress
      ? this.client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
          if (p.kind === 'report' && p.message) onProgress(p.message);
        })
      : undefined;
    try {
      const params: FolderSummaryParams = { folderUri: folder.toString(), workDoneToken };
      return await this.client.sendRequest<FolderSummaryResult>(folderSummaryRequest, params);
    } finally {
      listening?.dispose();
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
