// Starts the language server (dist/server.js over IPC) and restarts it when it crashes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { isPdfUri, pdfScheme, pdfTextUri } from './pdfLetters';
import { RestartPolicy } from './restartPolicy';

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
      // The views refresh on imr/letterChanged, which the server sends only to the clients that ask for it.
      initializationOptions: { letterChanged: true },
      middleware: {
        // A PDF's text (the imr-pdf scheme) is read-only: its quick fixes could not be applied.
        provideCodeActions: (document, range, context, token, next) => (document.uri.scheme === pdfScheme ? [] : next(document, range, context, token)),
        // Nor can it be formatted (and the PDF's reader lays its text out anew at each reading).
        provideDocumentFormattingEdits: (document, options, token, next) => (document.uri.scheme === pdfScheme ? [] : next(document, options, token)),
        // The server names a letter read from a PDF by the PDF's file; the editor shows its text (imr-pdf), where the
        // symbol's or item's range lies.
        provideWorkspaceSymbols: async (query, token, next) => {
          const symbols = await next(query, token);
          for (const s of symbols ?? []) if (isPdfUri(s.location.uri)) s.location = new vscode.Location(pdfTextUri(s.location.uri), s.location.range);
          return symbols;
        },
        // A folder check publishes a PDF's diagnostics under the PDF's file: they belong to its text.
        handleDiagnostics: (uri, diagnostics, next) => next(isPdfUri(uri) ? pdfTextUri(uri) : uri, diagnostics),
        provideReferences: async (document, position, options, token, next) => {
          const locations = await next(document, position, options, token);
          for (const l of locations ?? []) if (isPdfUri(l.uri)) l.uri = pdfTextUri(l.uri);
          return locations;
        },
      },
      synchronize: { configurationSection: 'imr' },
      outputChannel: output,
      errorHandler: new RestartingErrorHandler(output),
    },
  );
  return client;
}

/** Restarts the server after a crash, unless it crashed too often lately (RestartPolicy). */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly policy = new RestartPolicy();

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    if (!this.policy.shouldRestart(this.now())) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The IMR language server stopped ${this.policy.maxRestarts + 1} times in 3 minutes and was not restarted. Run "IMR: Restart Language Server" to try again.`,
      };
    }
    this.output.appendLine(`The IMR language server stopped; restarting it (${this.policy.recent}/${this.policy.maxRestarts}).`);
    return { action: CloseAction.Restart, handled: true };
  }
}
