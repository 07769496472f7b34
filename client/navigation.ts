// Moving between disputed items: IMR: Next / Previous Disputed Item, and revealing an item from the views.
import * as vscode from 'vscode';
import type { DisputedItem, Range } from '../core/model';
import type { LetterStore } from './letters';

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function titleStart(item: DisputedItem): Range {
  return item.titleLines[0] ?? item.title.range;
}

/** Opens the letter (in the column where it is already shown, else beside nothing) and selects the item's title. */
export async function revealItem(store: LetterStore, uri: vscode.Uri, index: number): Promise<vscode.TextEditor | undefined> {
  const model = await store.get(uri);
  const item = model?.items.find((i) => i.index === index);
  if (!item) return undefined;
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = shown?.document ?? (await vscode.workspace.openTextDocument(uri));
  const start = toVsRange(titleStart(item)).start;
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
    selection: new vscode.Range(start, start),
    preserveFocus: false,
  });
  editor.revealRange(toVsRange(item.title.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The item after (or before) a line, wrapping around the letter. */
export function adjacentItem(items: readonly DisputedItem[], line: number, direction: 1 | -1): DisputedItem | undefined {
  const sorted = [...items].sort((a, b) => titleStart(a).start.line - titleStart(b).start.line);
  if (sorted.length === 0) return undefined;
  if (direction === 1) return sorted.find((i) => titleStart(i).start.line > line) ?? sorted[0];
  return [...sorted].reverse().find((i) => titleStart(i).start.line < line) ?? sorted[sorted.length - 1];
}

async function go(store: LetterStore, direction: 1 | -1): Promise<number | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'imr') return undefined;
  const model = await store.get(editor.document.uri);
  const item = model && adjacentItem(model.items, editor.selection.active.line, direction);
  if (!item) {
    void vscode.window.showInformationMessage('This letter has no disputed items.');
    return undefined;
  }
  // Past the last item (or before the first) the move wraps around: say so, or it looks as if nothing happened.
  const line = editor.selection.active.line;
  const itemLine = titleStart(item).start.line;
  if (direction === 1 ? itemLine <= line : itemLine >= line) {
    const which = direction === 1 ? 'first' : 'last';
    void vscode.window.setStatusBarMessage(model.items.length === 1 ? 'The only disputed item of this letter.' : `Back to the ${which} disputed item.`, 3000);
  }
  await revealItem(store, editor.document.uri, item.index);
  return item.index;
}

export function registerNavigation(context: vscode.ExtensionContext, store: LetterStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('imr.nextItem', () => go(store, 1)),
    vscode.commands.registerCommand('imr.previousItem', () => go(store, -1)),
    vscode.commands.registerCommand('imr.revealItem', (uri: unknown, index: unknown) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined;
      if (!target || typeof index !== 'number') return undefined;
      return revealItem(store, target, index).then((e) => !!e);
    }),
  );
}
