// A letter's problems as VS Code has them (the Problems view's), told apart by item (core/summary/itemChecks.ts): the
// summary panel lists them, the items view counts them, and a letter's exports name their rules.
import * as vscode from 'vscode';
import type { LetterModel } from '../core/model';
import { checksByItem, type Check, type CheckSeverity, type LetterChecks } from '../core/summary/itemChecks';

const severities: Record<vscode.DiagnosticSeverity, CheckSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function letterChecks(uri: vscode.Uri, model: LetterModel): LetterChecks {
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'imr');
  const { items, letter } = checksByItem(model.items, diagnostics);
  return { items: new Map(model.items.map((item, i) => [item.index, items[i].map(checkOf)])), letter: letter.map(checkOf) };
}

function checkOf(d: vscode.Diagnostic): Check {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
  return { code, severity: severities[d.severity], message: d.message };
}
