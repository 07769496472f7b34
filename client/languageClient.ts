// Starts the language server (dist/server.js over IPC) and restarts it when it crashes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';

/** A crashed server is restarted unless it crashed this often within the window (then the user decides). */
const maxRestarts = 5;
const restartWindowMs = 3 * 60 * 1000;

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const client = new LanguageClient(
    'imr',
    'IMR Letters',
    {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    },
    {
      documentSelector: [{ language: 'imr' }],
      synchronize: { configurationSection: 'imr' },
      outputChannel: output,
      errorHandler: new RestartingErrorHandler(output),
    },
  );
  return client;
}

/** Restarts the server after a crash, at most `maxRestarts` times in `restartWindowMs`. */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    while (this.restarts.length > 0 && t - this.restarts[0] > restartWindowMs) this.restarts.shift();
    if (this.restarts.length >= maxRestarts) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The IMR language server stopped ${maxRestarts + 1} times in 3 minutes and was not restarted. Run "IMR: Restart Language Server" to try again.`,
      };
    }
    this.restarts.push(t);
    this.output.appendLine(`The IMR language server stopped; restarting it (${this.restarts.length}/${maxRestarts}).`);
    return { action: CloseAction.Restart, handled: true };
  }
}
