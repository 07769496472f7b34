// The status bar item of the active letter: "3 items · 2 upheld · 1 overturned"; a click opens the summary.
import * as vscode from 'vscode';
import type { ActiveLetter } from './activeLetter';
import { countsText, summarizeLetter } from './summary';

export function registerStatusBar(context: vscode.ExtensionContext, active: ActiveLetter): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('imr.counts', vscode.StatusBarAlignment.Left, 50);
  item.name = 'IMR Letter';
  item.command = 'imr.showSummary';
  const update = () => {
    const model = active.model;
    if (!active.uri || !model || !model.isLetter) {
      item.hide();
      return;
    }
    item.text = `$(law) ${countsText(summarizeLetter(model, '', active.uri.toString()))}`;
    item.tooltip = 'IMR: Show Decision Summary';
    item.show();
  };
  update();
  context.subscriptions.push(item, active.onDidChange(update));
  return item;
}
