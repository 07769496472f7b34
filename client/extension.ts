// The VS Code extension: starts the language server and hosts the views.
import type * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {}
