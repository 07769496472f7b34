// The VS Code extension: starts the language server, switches plain-text letters to imr, and hosts the views.
// All letter data comes from the server; the client never parses a letter.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DisputedItem, LetterModel } from '../core/model';
import { ActiveLetter } from './activeLetter';
import { checkFolder } from './checkFolder';
import { checkedMessage } from '../core/summary/checkMessage';
import { withCheckIds } from '../core/summary/itemChecks';
import { letterChecks } from './letterChecks';
import { registerLanguageDetection } from './detectLanguage';
import { exportSummaries } from './export';
import { fileName } from '../core/summary/folderRows';
import { registerItemsView } from './itemsView';
import { createLanguageClient } from './languageClient';
import { LetterStore } from './letters';
import { registerNavigation } from './navigation';
import { PdfLetters, pdfScheme } from './pdfLetters';
import { registerStatusBar } from './statusBar';
import { summarizeLetter, withContextGrounds } from '../core/summary/letterSummary';
import { SummaryPanels } from './summaryPanel';

/** What the extension exposes to other extensions and to its integration tests. */
export interface ImrApi {
  /** The server's model of an open document. */
  letter(uri: vscode.Uri): Promise<LetterModel | null>;
  /** The status bar text while it is shown. */
  statusText(): string | undefined;
  /** What a screen reader says of the status bar item while it is shown. */
  statusAccessibilityLabel(): string | undefined;
  /** The labels of the items view's rows, depth first, a surgery's services indented by two spaces under it. */
  itemLabels(): string[];
  /** The descriptions of the same rows: a problem count, then the reviewer's guideline. */
  itemDescriptions(): string[];
  /** What a screen reader reads of each row of the items view, in the same order. */
  itemAccessibilityLabels(): string[];
  /** The letter the summary panel shows, if one is open. */
  summaryUri(): string | undefined;
  /** The language server's process state. */
  serverState(): 'starting' | 'running' | 'stopped';
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ImrApi {
  registerLanguageDetection(context);

  const output = vscode.window.createOutputChannel('IMR Letters', { log: true });
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  let starting: Promise<void> | undefined;
  // The server starts with the first letter: plain-text files activate the extension only for detection.
  const ensureStarted = () => (starting ??= languageClient.start());
  const startForLetters = (d: vscode.TextDocument) => {
    if (d.languageId === 'imr') void ensureStarted().catch(() => undefined);
  };
  vscode.workspace.textDocuments.forEach(startForLetters);

  const store = new LetterStore(languageClient, ensureStarted);
  const active = new ActiveLetter(store);
  const pdfs = new PdfLetters(languageClient, ensureStarted);
  const panels = new SummaryPanels({ context, store, active, pdfs });
  const items = registerItemsView(context, active);
  const status = registerStatusBar(context, active);
  registerNavigation(context, store);

  // The folders checked with Check Letters in Folder. A new server (a restart, or after a crash) has published none
  // of their problems, and the Problems view would lose them without a word: it checks them again.
  const checkedFolders = new Map<string, vscode.Uri>();
  context.subscriptions.push(
    languageClient.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      for (const [key, folder] of checkedFolders)
        void vscode.workspace.fs.stat(folder).then(
          () => checkFolder(languageClient, ensureStarted, folder).catch(() => undefined),
          () => checkedFolders.delete(key),
        );
    }),
  );

  const letterUri = (arg: unknown) =>
    arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : (active.uri ?? panels.letterPanel?.uri);

  context.subscriptions.push(
    output,
    store,
    active,
    vscode.workspace.onDidOpenTextDocument(startForLetters),
    vscode.commands.registerCommand('imr.showSummary', async (arg?: unknown) => {
      const uri = letterUri(arg);
      if (!uri) {
        void vscode.window.showInformationMessage('Open an IMR letter to see its decision summary.');
        return false;
      }
      await ensureStarted();
      panels.showLetter(uri);
      return true;
    }),
    vscode.commands.registerCommand('imr.checkFolder', async (arg?: unknown) => {
      const folder = arg instanceof vscode.Uri ? arg : await pickFolder('Check');
      if (!folder) return undefined;
      const result = await checkFolder(languageClient, ensureStarted, folder);
      if (!result) return undefined;
      checkedFolders.set(folder.toString(), folder);
      const name = fileName(folder.toString());
      const problems = result.errors + result.warnings + result.information + result.hints;
      void vscode.window.showInformationMessage(checkedMessage(name, result), ...(problems ? ['Show Problems'] : [])).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    }),
    vscode.commands.registerCommand('imr.showFolderSummary', async (arg?: unknown) => {
      const folder = arg instanceof vscode.Uri ? arg : await pickFolder();
      if (!folder) return false;
      await panels.showFolder(folder);
      return true;
    }),
    vscode.commands.registerCommand('imr.exportSummary', async (format?: unknown, target?: unknown) => {
      const uri = active.uri ?? panels.letterPanel?.uri;
      const model = uri && (await store.get(uri));
      if (!uri || !model || !model.isLetter) {
        void vscode.window.showInformationMessage('Open an IMR letter to export its decision table.');
        return undefined;
      }
      // Each item's grounds come with its context from the server (a letter's model has none).
      const context = await store.itemContext(uri);
      // And each item's checks, as the Problems view has them.
      const summary = withCheckIds(withContextGrounds(summarizeLetter(model, fileName(uri.toString()), uri.toString()), context?.items ?? []), letterChecks(uri, model));
      return exportSummaries([summary], vscode.Uri.joinPath(uri, '..'), summary.name.replace(/\.[^.]*$/, ''), format, target);
    }),
    pdfs,
    vscode.commands.registerCommand('imr.openPdf', async (arg?: unknown) => {
      const pdf =
        arg instanceof vscode.Uri
          ? arg
          : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'PDF letters': ['pdf'] }, openLabel: 'Open as Letter' }))?.[0];
      if (!pdf) return undefined;
      return (await pdfs.open(pdf))?.uri.toString();
    }),
    vscode.commands.registerCommand('imr.savePdfText', async (arg?: unknown, target?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (uri?.scheme !== pdfScheme) {
        void vscode.window.showInformationMessage('Open a PDF as a letter first (IMR: Open PDF as Letter).');
        return undefined;
      }
      return (await pdfs.saveAsText(uri, target instanceof vscode.Uri ? target : undefined))?.toString();
    }),
    vscode.commands.registerCommand('imr.restartServer', async () => {
      if (!starting) return ensureStarted();
      await languageClient.restart();
    }),
  );

  return {
    letter: (uri) => store.get(uri),
    statusText: () => status.shownText(),
    statusAccessibilityLabel: () => status.shownLabel(),
    itemLabels: () => {
      // Depth first, a surgery's services indented under it.
      const rows = (list: DisputedItem[], indent: string): string[] =>
        list.flatMap((i) => [`${indent}${String(items.getTreeItem(i).label)}`, ...rows(items.getChildren(i), `${indent}  `)]);
      return rows(items.getChildren(), '');
    },
    itemDescriptions: () => {
      const rows = (list: DisputedItem[]): string[] => list.flatMap((i) => [String(items.getTreeItem(i).description ?? ''), ...rows(items.getChildren(i))]);
      return rows(items.getChildren());
    },
    itemAccessibilityLabels: () => {
      const rows = (list: DisputedItem[]): string[] => list.flatMap((i) => [items.getTreeItem(i).accessibilityInformation?.label ?? '', ...rows(items.getChildren(i))]);
      return rows(items.getChildren());
    },
    summaryUri: () => panels.letterPanel?.uri.toString(),
    serverState: () =>
      languageClient.state === State.Running ? 'running' : languageClient.state === State.Starting ? 'starting' : 'stopped',
  };

  async function pickFolder(verb = 'Summarise'): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return folders[0].uri;
    if (folders.length > 1) {
      const pick = await vscode.window.showWorkspaceFolderPick({ placeHolder: `${verb} the letters of which folder?` });
      return pick?.uri;
    }
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: verb });
    return chosen?.[0];
  }
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

