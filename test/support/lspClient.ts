// A tiny real LSP client for tests and benchmarks: spawns dist/server.js --stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { distDir } from './env';

/** The `imr` settings section, as VS Code's client sends it. */
export interface ImrTestSettings {
  rules?: Record<string, string>;
  workspacePdfs?: boolean;
  format?: { joinLines?: boolean };
}

export interface LspClientOptions {
  /** Workspace folder URIs announced at initialize. */
  workspaceFolders?: string[];
  /** The `imr` settings section the client answers workspace/configuration with. */
  settings?: ImrTestSettings;
  /** Announce workspace/configuration support (default true). */
  configuration?: boolean;
  /** Announce no client capabilities at all, as the barest LSP client does. */
  bare?: boolean;
  serverPath?: string;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  /** Announce that the client watches files for the server (workspace/didChangeWatchedFiles, registered). */
  watchFiles?: boolean;
  /** Capabilities of textDocument/... replacing the defaults (VS Code's, for the features the server reads), by key. */
  textDocument?: Record<string, unknown>;
  /** Capabilities of workspace/... added to the defaults, by key (e.g. applyEdit). */
  workspace?: Record<string, unknown>;
  /** Opt in to the imr/letterChanged notification, as the VS Code client does (default true, false when bare). */
  letterChanged?: boolean;
  /** Answer workspace/configuration (default true); false: take the request and never answer it. */
  answerConfiguration?: boolean;
}

interface Registration {
  method: string;
  registerOptions?: unknown;
}

interface Waiter {
  uri: string;
  version?: number;
  resolve(p: PublishDiagnosticsParams): void;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order: how often the server checked a document. */
  readonly published: Array<{ uri: string; version?: number }> = [];
  readonly letterChanged: Array<{ uri: string; version: number }> = [];
  readonly logs: string[] = [];
  /** Every $/progress notification, in order. */
  readonly progress: Array<{ token: string | number; value: { kind: string; message?: string; percentage?: number } }> = [];
  /** What the server registered (client/registerCapability), in order. */
  readonly registrations: Registration[] = [];
  private registered: Array<() => void> = [];
  settings: ImrTestSettings;
  /** Whether workspace/configuration is answered (LspClientOptions.answerConfiguration); may change on the way. */
  answerConfiguration = true;
  /** How many workspace/configuration requests the server sent. */
  configurationRequests = 0;
  /** Every workspace/applyEdit the server sent (the client applies none: it answers applied: true). */
  readonly appliedEdits: unknown[] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: LspClientOptions['settings'],
  ) {
    this.settings = settings ?? {};
  }

  static async start(options: LspClientOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const child = spawn(process.execPath, [options.serverPath ?? path.join(distDir, 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ? { ...process.env, ...options.env } : process.env,
    });
    if (!child.stdout || !child.stdin) throw new Error('server has no stdio');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings);
    client.answerConfiguration = options.answerConfiguration ?? true;
    child.on('exit', () => {
      client.exited = true;
    });
    child.stderr?.on('data', (b: Buffer) => client.logs.push(b.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.published.push({ uri: p.uri, version: p.version });
      client.waiters = client.waiters.filter((w) => {
        if (w.uri !== p.uri || (w.version !== undefined && p.version !== w.version)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification('imr/letterChanged', (p: { uri: string; version: number }) => {
      client.letterChanged.push(p);
    });
    connection.onNotification('$/progress', (p: LspClient['progress'][number]) => {
      client.progress.push(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    connection.onRequest('workspace/configuration', (p: unknown): Promise<unknown> | unknown[] => {
      client.configurationRequests++;
      // A client that never answers: the request stays pending (until the connection closes).
      if (!client.answerConfiguration) return new Promise<never>(() => undefined);
      return (p as { items: Array<{ section?: string }> }).items.map((i) => (i.section === 'imr' ? client.settings : null));
    });
    connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => {
      client.appliedEdits.push(p.edit);
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      client.registrations.push(...p.registrations);
      // Answered first: the server acts on a registration once the client has accepted it.
      setImmediate(() => client.registered.splice(0).forEach((f) => f()));
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    const init = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: options.bare
        ? {}
        : {
            workspace: {
              configuration: options.configuration ?? true,
              didChangeConfiguration: { dynamicRegistration: true },
              workspaceFolders: true,
              ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
              ...options.workspace,
            },
            // As VS Code: the server may show progress of its own (the background reading of PDFs).
            window: { workDoneProgress: true },
            textDocument: {
              publishDiagnostics: { versionSupport: true, relatedInformation: true },
              definition: { linkSupport: true },
              documentSymbol: { hierarchicalDocumentSymbolSupport: true },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
              synchronization: { dynamicRegistration: false },
              ...options.textDocument,
            },
          },
      // As the VS Code client: it refreshes its views on imr/letterChanged.
      ...((options.letterChanged ?? !options.bare) ? { initializationOptions: { letterChanged: true } } : {}),
    })) as InitializeResult;
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  /** Resolves once the server has registered a method (now, if it already has). */
  async registration(method: string, timeoutMs = 5000): Promise<Registration> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.registrations.find((r) => r.method === method);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the server did not register ${method} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.registered.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  get isRunning(): boolean {
    return !this.exited;
  }

  /** Resolves with the next diagnostics for a document (of a version, if given). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'imr'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const wait = this.waitForDiagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return (await wait).diagnostics;
  }

  /** Sends changes without waiting; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async changeSettings(settings: ImrTestSettings): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { imr: settings } });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
