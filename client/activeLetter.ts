// Which letter the views show: the document of the last active imr editor, and its model from the server.
import * as vscode from 'vscode';
import type { LetterModel } from '../core/model';
import type { LetterStore } from './letters';

export class ActiveLetter implements vscode.Disposable {
  private current: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when the active letter switches or its model changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: LetterStore) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      // A plain-text document switched to imr is reopened under the new language.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.follow(vscode.window.activeTextEditor);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.current?.toString() === d.uri.toString() && d.isClosed) this.set(undefined);
      }),
      store.onDidChange((uri) => {
        if (uri.toString() === this.current?.toString()) this.changed.fire();
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  get model(): LetterModel | null | undefined {
    return this.current ? this.store.cached(this.current) : undefined;
  }

  /** The editor showing the active letter, if one is visible. */
  get editor(): vscode.TextEditor | undefined {
    const key = this.current?.toString();
    const active = vscode.window.activeTextEditor;
    if (active && active.document.uri.toString() === key) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moving to a panel or a webview leaves no active text editor: keep showing the last letter.
    if (!editor) return;
    if (editor.document.languageId === 'imr') this.set(editor.document.uri);
    else if (editor.document.uri.scheme !== 'output') this.set(undefined);
  }

  private set(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.current?.toString()) return;
    this.current = uri;
    void vscode.commands.executeCommand('setContext', 'imr.hasActiveLetter', !!uri);
    this.changed.fire();
    if (uri && this.store.cached(uri) === undefined) this.store.refresh(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
