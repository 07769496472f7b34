// Entry point of the language server (dist/server.js): node dist/server.js --stdio | --node-ipc.
// A thin adapter: the LSP connection and the file system live here, every feature lives in core/languageService.
import { pathToFileURL } from 'node:url';
import {
  CancellationToken,
  Command,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { workspaceLetterOf } from '../core/features/workspaceLetter';
import { semanticTokensLegend } from '../core/features/semanticTokens';
import { createLanguageService, type WorkspaceLetter } from '../core/languageService';
import { lintLetter, type RuleSeverity } from '../core/lint';
import { parseLetter } from '../core/parser/parseLetter';
import type { FolderLetter } from '../core/model';
import { readPdfFile } from '../pdf/load';
import { FolderCheck } from './folderCheck';
import { clientSupportOf, hoverFor, symbolsFor, unknownClient, type ClientSupport } from './clientSupport';
import { paramsProblem } from './params';
import { PdfBacklogProgress } from './pdfBacklogProgress';
import { imrSectionOf, SettingsSource } from './settings';
import { applyFixCommand, isApplyFix, type ApplyFix } from './applyFix';
import { Cancelled, uriToPath, WorkspaceIndex, type FileChange } from './workspaceIndex';

/**
 * How long diagnostics wait for the next change. Changes already queued still coalesce (each resets the timer);
 * measured with npm run bench, any wait beyond that only adds to the didChange → diagnostics latency.
 */
const diagnosticsDelayMs = Number(process.env.IMR_DIAGNOSTICS_DELAY_MS ?? 0);

/**
 * How long a hover on a citation waits for the workspace's letters (for its "cited by N items here" figures) before
 * it answers with those of the last complete reading, or none before the first. The first reading of a folder of
 * 10,000 letters takes seconds, and every later one checks each file's modification time.
 */
const hoverFolderWaitMs = Number(process.env.IMR_HOVER_FOLDER_WAIT_MS ?? 300);

/** How long a workspace/configuration request may go unanswered (server/settings.ts). */
const settingsTimeoutMs = Number(process.env.IMR_SETTINGS_TIMEOUT_MS ?? 3000);

/**
 * The file a document stands for: a file URI's path, or, when a client shows a PDF's text under a scheme of its own
 * (the VS Code client's `imr-pdf:/path/letter.pdf`), the PDF named by the URI's path. Other schemes stand for no file.
 */
function documentPath(uri: string): string | undefined {
  return uriToPath(uri) ?? pdfTextPath(uri);
}

function pdfTextPath(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    if (u.protocol === 'file:' || !/\.pdf$/i.test(u.pathname)) return undefined;
    return uriToPath(`file://${u.pathname}`);
  } catch {
    return undefined;
  }
}

/** A reading's progress as "3,000 of 10,000 files", at most ten reports a second (and always the last). */
function filesProgress(progress: { report(percentage: number, message: string): void }): (done: number, total: number) => void {
  let reported = 0;
  return (done, total) => {
    if (done < total && performance.now() - reported < 100) return;
    reported = performance.now();
    progress.report(total ? Math.floor((100 * done) / total) : 100, `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files`);
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => {
    try {
      connection.console.log(m);
    } catch {
      // The connection is closed (the client is gone): there is no one to tell.
    }
  };
  const service = createLanguageService({ log });
  const backlog = new PdfBacklogProgress(() => connection.window.createWorkDoneProgress(), () => workspace.unreadPdfs);
  const workspace = new WorkspaceIndex(log, (read, left) => backlog.update(read, left));

  /** The document open for a file (by its path: a client may spell a URI otherwise), if one is. */
  function openDocumentOf(file: string): TextDocument | undefined {
    for (const d of documents.all()) if (documentPath(d.uri) === file) return d;
    return undefined;
  }

  function forClient(diagnostics: Diagnostic[]): Diagnostic[] {
    if (client.relatedInformation || !diagnostics.some((d) => d.relatedInformation)) return diagnostics;
    return diagnostics.map(({ relatedInformation: _, ...d }) => d);
  }

  const folderCheck = new FolderCheck({
    files: (root, isCancelled) => workspace.files(root, isCancelled),
    lint: async (text, uri, folderUri) => {
      const model = parseLetter(text);
      if (!model.isLetter) return null;
      const { rules } = await clientSettings.for(folderUri);
      return lintLetter(model, { rules, text, uri });
    },
    lintOpen: (file, folderUri) => {
      const d = openDocumentOf(file);
      if (!d) return undefined;
      // What the editor shows of it: the language service's parse of this version, not a second one.
      return clientSettings.for(folderUri).then(({ rules }) => (service.getLetter(d)?.isLetter ? service.getDiagnostics(d, { rules }) : null));
    },
    isOpen: (file) => openDocumentOf(file) !== undefined,
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics: forClient(diagnostics) }),
    log,
  });

  /** A custom request's work-done progress, under the token the client gave in its params (if a valid one). */
  function clientProgress(token: unknown): WorkDoneProgressReporter | undefined {
    return typeof token === 'string' || typeof token === 'number' ? connection.window.attachWorkDoneProgress(token) : undefined;
  }

  /** What the client said it supports (server/clientSupport.ts), from initialize on. */
  let client: ClientSupport = unknownClient;
  // Requests are answered between initialize and shutdown only, as the protocol has it.
  let phase: 'uninitialized' | 'running' | 'shut down' = 'uninitialized';
  /** The `imr` settings of each document, asked of the client (or pushed by it). */
  const clientSettings = new SettingsSource(
    {
      canBeAsked: () => client.configuration,
      ask: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'imr' }),
      log,
    },
    settingsTimeoutMs,
  );
  const timers = new Map<string, NodeJS.Timeout>();
  /** How long the last check of each document took, to let changes to slow (huge) documents pile up first. */
  const checkMs = new Map<string, number>();

  function delayFor(uri: string): number {
    const last = checkMs.get(uri) ?? 0;
    // A letter checks in a few ms: no wait. A multi-megabyte document takes seconds: without a wait as long as
    // a check, each queued keystroke would start a check of its own.
    return last < 50 ? diagnosticsDelayMs : Math.min(last, 1000);
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const pending = clientSettings.for(uri);
      // Parse while the settings are on their way (the first time, a round trip to the client).
      const started = performance.now();
      service.getLetterDocument(doc);
      const parsedMs = performance.now() - started;
      const version = doc.version;
      const settings = await pending;
      // The document may have changed (its object is updated in place, and a newer check is on its way) or
      // closed while the settings were read; a document closed and opened again is another object.
      if (documents.get(uri) !== doc || doc.version !== version) return;
      const linting = performance.now();
      const diagnostics = forClient(service.getDiagnostics(doc, { rules: settings.rules }));
      checkMs.set(uri, parsedMs + performance.now() - linting);
      // The views' refresh notice goes first, so a client that sees the diagnostics has seen it too.
      if (client.letterChanged) void connection.sendNotification('imr/letterChanged', { uri, version: doc.version });
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (e) {
      log(`Checking ${uri} failed: ${describe(e)}`);
    }
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  /**
   * Runs a request handler: InvalidParams when the params have not the shape LSP requires for the method
   * (server/params.ts), empty answer on failure, RequestCancelled when the client gave up.
   */
  function guard<P, R>(method: string, empty: R, fn: (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter) => R | Promise<R>) {
    // workDone: the library's reporter for the client's workDoneToken, which it takes out of the params.
    return async (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter): Promise<R> => {
      // A request without params: the library passes the cancellation token alone.
      if (token === undefined && CancellationToken.is(params)) [params, token] = [undefined as P, params];
      if (phase === 'uninitialized') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized.');
      if (phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
      const problem = paramsProblem(method, params);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      try {
        const r = await fn(params, token, workDone);
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return r;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        if (e instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        log(`Request failed: ${describe(e)}`);
        return empty;
      }
    };
  }

  /** The workspace's PDFs not read yet, but for those open in the editor: the figures count their open text. */
  function unreadPdfs(): number {
    const open = new Set<string>();
    for (const d of documents.all()) {
      const file = documentPath(d.uri);
      if (file) open.add(file);
    }
    return workspace.unreadPdfsBesides(open);
  }

  /** The letters of the last complete reading of the workspace, for hovers that cannot wait for a new one. */
  let lastWorkspaceLetters: WorkspaceLetter[] | undefined;
  /** The reading of the workspace that hovers are waiting on, if one is under way. */
  let hoverReading: Promise<WorkspaceLetter[]> | undefined;

  /**
   * The workspace's letters, the open documents taking the place of their files. With `pdfs`, every PDF is read
   * first; without, the PDFs not read yet are left to the background reading (`workspace.unreadPdfs`).
   */
  async function workspaceLetters(token: CancellationToken, options: { pdfs?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<WorkspaceLetter[]> {
    // imr.workspacePdfs off: the PDFs are left out of the readings that do not ask for them, and not read for them.
    const skipPdfs = !options.pdfs && !(await clientSettings.forWorkspace()).workspacePdfs;
    const onDisk = await workspace.letters({ isCancelled: () => token.isCancellationRequested, skipPdfs, ...options });
    const open: WorkspaceLetter[] = [];
    // The open documents' files, by the URI the index gives them (a client may spell a URI otherwise: c%3A, c:).
    const openFiles = new Set<string>();
    for (const d of documents.all()) {
      const model = service.getLetter(d);
      if (model?.isLetter) open.push(workspaceLetterOf(d.uri, model));
      const file = documentPath(d.uri);
      openFiles.add(file ? pathToFileURL(file).href : d.uri);
    }
    lastWorkspaceLetters = [...open, ...onDisk.filter((l) => !openFiles.has(l.uri))];
    return lastWorkspaceLetters;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientSupportOf(params);
    phase = 'running';
    const pushed = imrSectionOf(params.initializationOptions);
    if (pushed !== undefined) clientSettings.changed(pushed);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'IMR letter' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        hoverProvider: true,
        referencesProvider: { workDoneProgress: true },
        documentHighlightProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        // Only for a client that takes code actions as commands (LSP before 3.8): the command that applies a fix.
        ...(!client.codeActionLiterals && client.applyEdit ? { executeCommandProvider: { commands: [applyFixCommand] } } : {}),
        completionProvider: { triggerCharacters: [':'] },
        documentFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'imr-letters', version: '0.1.0' },
    };
  });

  connection.onShutdown(() => {
    phase = 'shut down';
    workspace.stop();
  });

  connection.onInitialized(() => {
    if (client.dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' });
    }
    if (client.watchedFiles) {
      // Every file, not only *.txt and *.imr: a folder moved or checked out may be reported as one event for the
      // folder, and a letter may be named a.TXT. The events are few next to what they save (a stat per letter).
      const watchers = [{ globPattern: '**/*' }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(
        () => workspace.startWatching(),
        (e: unknown) => log(`The client does not watch files for us, each reading checks every file: ${describe(e)}`),
      );
    }
    if (client.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        workspace.setFolders(folders.map((f) => f.uri));
      });
    }
  });

  const changeTypes: Record<number, FileChange['type']> = {
    [FileChangeType.Created]: 'created',
    [FileChangeType.Changed]: 'changed',
    [FileChangeType.Deleted]: 'deleted',
  };
  connection.onDidChangeWatchedFiles((p) => {
    const changes: FileChange[] = [];
    for (const c of p.changes ?? []) {
      const file = uriToPath(c.uri);
      const type = changeTypes[c.type];
      if (file && type) changes.push({ path: file, type });
    }
    workspace.filesChanged(changes);
    folderCheck.filesChanged(changes.filter((c) => !openDocumentOf(c.path)));
  });

  connection.onDidChangeConfiguration((change) => {
    clientSettings.changed(imrSectionOf(change.settings));
    for (const d of documents.all()) schedule(d.uri, 0);
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    // didOpen also fires a content change; the open already scheduled the first check.
    if (timers.has(e.document.uri)) return;
    schedule(e.document.uri, delayFor(e.document.uri));
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    checkMs.delete(uri);
    clientSettings.forget(uri);
    service.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // A letter of a checked folder: its problems are its file's again.
    const file = documentPath(uri);
    if (file) folderCheck.documentClosed(file);
  });

  connection.onRequest(
    'imr/letter',
    guard('imr/letter', null, (params: { uri?: unknown }) => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      return doc ? service.getLetter(doc) : null;
    }),
  );

  // The text of a letter's PDF, for a client to open as a letter (VS Code: "Open PDF as IMR Letter"). The server
  // reads it: pdf.js is loaded here, on the first PDF, not in the editor.
  connection.onRequest(
    'imr/pdfText',
    guard('imr/pdfText', { ok: false, reason: 'the PDF could not be read' }, async (params: { uri?: unknown }) => {
      const file = typeof params?.uri === 'string' ? uriToPath(params.uri) : undefined;
      if (!file) return { ok: false, reason: 'not a file on this machine' };
      return readPdfFile(file);
    }),
  );

  connection.onRequest(
    'imr/folderSummary',
    guard('imr/folderSummary', { letters: [] }, async (params: { folderUri?: unknown; workDoneToken?: unknown }, token) => {
      const root = typeof params?.folderUri === 'string' ? uriToPath(params.folderUri) : undefined;
      if (!root) return { letters: [] };
      // Under the client's progress token, if it gave one: "Reading letters: 3,000 of 10,000 files".
      const progress = clientProgress(params.workDoneToken);
      progress?.begin('Reading letters', 0);
      try {
        // Asked for and waited on: every file is checked, whether or not the client watches it.
        const letters = await workspace.letters(
          {
            isCancelled: () => token.isCancellationRequested,
            verify: true,
            pdfs: true,
            onProgress: progress && filesProgress(progress),
          },
          root,
        );
        // What the summary shows of each letter (a FolderLetter, with what workspace symbols and hovers use of it),
        // not the whole model: a third of its size (core/folderLetter.ts, core/features/workspaceLetter.ts). Its items'
        // checks leave out the rules the folder's settings turn off, as its diagnostics do.
        const { rules } = await clientSettings.for(params.folderUri as string);
        return { letters: letters.map((l) => ({ uri: l.uri, letter: withoutRulesOff(l.letter, rules) })) };
      } finally {
        progress?.done();
      }
    }),
  );

  connection.onRequest(
    'imr/checkFolder',
    guard('imr/checkFolder', null, async (params: { folderUri?: unknown; workDoneToken?: unknown }, token) => {
      const folderUri = typeof params?.folderUri === 'string' ? params.folderUri : undefined;
      const root = folderUri ? uriToPath(folderUri) : undefined;
      if (!folderUri || !root) return null;
      const progress = clientProgress(params.workDoneToken);
      progress?.begin('Checking letters', 0);
      try {
        return await folderCheck.check(root, folderUri, {
          isCancelled: () => token.isCancellationRequested,
          onProgress: progress && filesProgress(progress),
        });
      } finally {
        progress?.done();
      }
    }),
  );

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      if (!d) return [];
      const symbols = service.getDocumentSymbols(d);
      return symbolsFor(client, d.uri, symbols);
    }),
  );
  connection.onFoldingRanges(
    guard('textDocument/foldingRange', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getFoldingRanges(d) : [];
    }),
  );
  connection.onSelectionRanges(
    guard('textDocument/selectionRange', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getSelectionRanges(d, p.positions) : [];
    }),
  );
  connection.onDocumentLinks(
    guard('textDocument/documentLink', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getDocumentLinks(d) : [];
    }),
  );
  connection.languages.inlayHint.on(
    guard('textDocument/inlayHint', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getInlayHints(d, p.range) : [];
    }),
  );
  connection.languages.semanticTokens.on(
    guard('textDocument/semanticTokens/full', { data: [] }, (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getSemanticTokens(d) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guard('textDocument/semanticTokens/range', { data: [] }, (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getSemanticTokens(d, p.range) : { data: [] };
    }),
  );
  connection.onWorkspaceSymbol(
    guard('workspace/symbol', [], async (p, token) =>
      service.getWorkspaceSymbols(await workspaceLetters(token), p.query, () => token.isCancellationRequested),
    ),
  );
  /**
   * The workspace's letters for a hover (or the summary panel's figures), waiting only so long for them: one reading
   * at a time, not cancelled with its request, so that it goes on after a request that stopped waiting and the next
   * one has its figures; until then, those of the last complete reading (none before the first).
   */
  async function lettersSoon(): Promise<WorkspaceLetter[] | undefined> {
    hoverReading ??= workspaceLetters(CancellationToken.None).finally(() => (hoverReading = undefined));
    const reading = hoverReading.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, hoverFolderWaitMs, undefined)));
    const letters = (await Promise.race([reading, waited])) ?? lastWorkspaceLetters;
    clearTimeout(timer);
    return letters;
  }

  connection.onRequest(
    'imr/itemContext',
    guard('imr/itemContext', null, async (params: { uri?: unknown }) => {
      const d = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!d || !service.getLetter(d)) return null;
      const letters = workspace.folderPaths.length ? await lettersSoon() : undefined;
      if (documents.get(d.uri) !== d) return null;
      // No reading of the folder complete yet (the first of a large folder takes seconds): no precedents, and the
      // panel asks again. Later, those of the last complete reading.
      const pending = workspace.folderPaths.length > 0 && letters === undefined;
      return { version: d.version, items: service.getItemContext(d, letters), unreadPdfs: letters ? unreadPdfs() : 0, pending };
    }),
  );

  connection.onHover(
    guard('textDocument/hover', null, async (p, token) => {
      const d = documents.get(p.textDocument.uri);
      if (!d) return null;
      // Folder figures only matter on citations and item titles: scan the workspace only then.
      if (!workspace.folderPaths.length || !service.usesWorkspaceAt(d, p.position)) return hoverFor(client, service.getHover(d, p.position));
      const letters = await lettersSoon();
      // Closed (and maybe opened again) while the folder was read: this answer is for a document that is gone.
      if (documents.get(d.uri) !== d) return null;
      return hoverFor(client, service.getHover(d, p.position, letters, unreadPdfs()));
    }),
  );
  connection.onReferences(
    guard('textDocument/references', null, async (p, token, progress) => {
      const d = documents.get(p.textDocument.uri);
      if (!d || !service.usesWorkspaceAt(d, p.position)) return null;
      // The user asked and waits: the workspace is read whole, PDFs included (the first time, about 2 s for 10,000
      // text letters, and about 2 s per 100 PDFs not yet read in the background), under the client's progress.
      progress?.begin('Finding references in the workspace\'s letters', 0);
      try {
        const letters = workspace.folderPaths.length
          ? await workspaceLetters(token, {
              pdfs: true,
              onProgress: progress && filesProgress(progress),
            })
          : [];
        if (token.isCancellationRequested || documents.get(d.uri) !== d) return null;
        return service.getReferences(d, p.position, letters);
      } finally {
        progress?.done();
      }
    }),
  );
  connection.onDocumentFormatting(
    guard('textDocument/formatting', [], async (p) => {
      const d = documents.get(p.textDocument.uri);
      if (!d) return [];
      const { joinLines } = await clientSettings.for(d.uri);
      return service.getFormattingEdits(d, { joinLines });
    }),
  );
  connection.onDocumentHighlight(
    guard('textDocument/documentHighlight', null, (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getDocumentHighlights(d, p.position) : null;
    }),
  );
  connection.onDefinition(
    guard('textDocument/definition', null, (p) => {
      const d = documents.get(p.textDocument.uri);
      const links = d ? service.getDefinition(d, p.position) : null;
      return links && !client.definitionLinks ? links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange })) : links;
    }),
  );
  connection.onCodeAction(
    guard('textDocument/codeAction', [], async (p) => {
      const d = documents.get(p.textDocument.uri);
      // All our actions are quick fixes: a client asking only for other kinds (e.g. source actions on save) gets none.
      const only = p.context?.only;
      if (!d || (only && !only.some((k) => k === '' || k === 'quickfix'))) return [];
      if (!client.codeActionLiterals && !client.applyEdit) return [];
      const settings = await clientSettings.for(d.uri);
      if (documents.get(d.uri) !== d) return [];
      const actions = service.getCodeActions(d, p.range, { rules: settings.rules });
      if (client.codeActionLiterals) return actions;
      // A client that takes only commands: each fix as the command that has the server apply its edit.
      return actions.flatMap((a) => (a.edit ? [Command.create(a.title, applyFixCommand, { uri: d.uri, version: d.version, title: a.title, edit: a.edit } satisfies ApplyFix)] : []));
    }),
  );
  connection.onExecuteCommand(
    guard('workspace/executeCommand', null, async (p) => {
      const fix: unknown = p.arguments?.[0];
      if (p.command !== applyFixCommand || !isApplyFix(fix)) throw new ResponseError(ErrorCodes.InvalidParams, `workspace/executeCommand: not a command of this server: ${p.command}`);
      const d = documents.get(fix.uri);
      // The edit's ranges are those of the version the fix was offered for.
      if (!d || d.version !== fix.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The letter changed since the fix was offered: ask for the fixes again.');
      const r = await connection.workspace.applyEdit({ label: fix.title, edit: fix.edit });
      if (!r.applied) log(`The client did not apply "${fix.title}"${r.failureReason ? `: ${r.failureReason}` : ''}.`);
      return null;
    }),
  );
  connection.onCompletion(
    guard('textDocument/completion', [], (p) => {
      const d = documents.get(p.textDocument.uri);
      return d ? service.getCompletions(d, p.position) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}

const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
if (!process.argv.some((a) => transports.some((t) => a.startsWith(t)))) {
  process.stderr.write('usage: node dist/server.js --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all, {
  // JSON-RPC params are an object or an array, never null. The library reads a request's workDoneToken off its params
  // before our handler runs, and would answer `params: null` with an InternalError (a TypeError): as absent params,
  // the guard answers it InvalidParams with the others (server/params.ts).
  messageStrategy: {
    handleMessage(message, next) {
      if (Message.isRequest(message) && message.params === null) (message as { params?: unknown }).params = undefined;
      next(message);
    },
  },
});
// Keep serving: one bad request or a bug on some input must not take the editor's features down. Once the
// connection is closed (the client is gone, e.g. it closed our output), there is no one to serve or tell: exit.
function reportEscaped(kind: string, e: unknown): void {
  try {
    connection.console.error(`${kind}: ${describe(e)}`);
  } catch {
    process.exit(1);
  }
}
// Over stdio, a failed write to our output (EPIPE: the client closed it) means the client is gone. Until now, an
// unhandled rejection of some notification nobody awaited made that known (reportEscaped); not every check sends one.
if (process.argv.includes('--stdio')) process.stdout.on('error', () => process.exit(1));
process.on('uncaughtException', (e) => reportEscaped('uncaught', e));
process.on('unhandledRejection', (e) => reportEscaped('unhandled rejection', e));
startServer(connection);

/** A folder letter whose items' checks leave out the rules turned off; the same object when none is (it is shared). */
function withoutRulesOff(letter: FolderLetter, rules: Record<string, RuleSeverity>): FolderLetter {
  const off = (id: string) => rules[id] === 'off';
  if (!letter.items.some((item) => item.checks?.some(off))) return letter;
  return { ...letter, items: letter.items.map((item) => (item.checks?.some(off) ? { ...item, checks: item.checks.filter((id) => !off(id)) } : item)) };
}
