// The status bar item of the active letter: "3 items · 2 upheld · 1 overturned"; a click opens the summary.
import * as vscode from 'vscode';
import type { ActiveLetter } from './activeLetter';
import { countsSpoken, countsText, summarizeLetter } from '../core/summary/letterSummary';

export interface LetterStatus {
  /** The counts while the item is shown, else undefined. */
  shownText(): string | undefined;
  /** What a screen reader says of it while it is shown. */
  shownLabel(): string | undefined;
}

export function registerStatusBar(context: vscode.ExtensionContext, active: ActiveLetter): LetterStatus {
  const item = vscode.window.createStatusBarItem('imr.counts', vscode.StatusBarAlignment.Left, 50);
  item.name = 'IMR Letter';
  item.command = 'imr.showSummary';
  item.tooltip = 'IMR: Show Decision Summary';
  let shown: string | undefined;
  const update = () => {
    const model = active.model;
    if (!active.uri || !model || !model.isLetter) {
      item.hide();
      shown = undefined;
      return;
    }
    const summary = summarizeLetter(model, '', active.uri.toString());
    shown = countsText(summary);
    item.text = `$(law) ${shown}`;
    item.accessibilityInformation = { label: countsSpoken(summary), role: 'button' };
    item.show();
  };
  update();
  context.subscriptions.push(item, active.onDidChange(update));
  return { shownText: () => shown, shownLabel: () => (shown === undefined ? undefined : item.accessibilityInformation?.label) };
}
