// LSP-level tests: the bundled dist/server.js over stdio, driven by a real JSON-RPC client.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fork, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Command,
  Diagnostic,
  CompletionItem,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  MarkupContent,
  Position,
  SelectionRange,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { DiagnosticSeverity, DocumentHighlightKind } from 'vscode-languageserver-types';
import type { FolderCheckResult, FolderLetter, LetterModel } from '../../core/model';
import { folderLetterOf } from '../../core/folderLetter';
import { folderStatsFor } from '../../core/features/hover';
import { tidyLetter } from '../../core/features/formatting';
import type { ItemContext } from '../../core/features/itemContext';
import { citedSections } from '../../core/knowledge/sections';
import { workspaceLetterOf } from '../../core/features/workspaceLetter';
import { lintLetter } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { itemTitleRange } from '../../core/rules/itemRanges';
import { corpusLetters, corpusSkip, distDir, lettersDir, repoRoot, skipUnless } from '../support/env';
import { LspClient, type LspClientOptions } from '../support/lspClient';
import { letterPages, longString, writePdf, writeRepeatedPdf } from '../support/minimalPdf';
import { readPdfText } from '../../pdf/load';
import type { DecodeResult } from '../../core/text/decode';
import { applyEdits, readCorpusLetter, readSample, readSeed, replaceOnce, seedFiles } from './mutants';
import { textAt } from '../support/text';

const serverSkip = skipUnless(existsSync(path.join(distDir, 'server.js')), 'dist/server.js is not built (npm run build)');
const seed = readSeed();
let n = 0;
const uri = (name = 'letter') => `file:///virtual/${name}-${n++}.txt`;

/** A request's answer, or its error's code and message. */
const errorOf = (p: Promise<unknown>): Promise<{ answered?: unknown; code?: number; message?: string }> =>
  p.then(
    (r) => ({ answered: r }),
    (e: { code?: number; message?: string }) => ({ code: e.code, message: e.message }),
  );

/** The words of a text (letters and digits), in order: what Markdown and its plain text have in common. */
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Runs `fn` with a client of its own, stopped after. */
async function withClient<T>(options: LspClientOptions, fn: (client: LspClient) => Promise<T>): Promise<T> {
  const { client } = await LspClient.start(options);
  try {
    return await fn(client);
  } finally {
    await client.stop();
  }
}

describe('the language server over stdio', { skip: serverSkip }, () => {
  let client: LspClient;
  before(async () => {
    client = (await LspClient.start({ settings: { rules: {} } })).client;
  });
  after(async () => client.stop());

  test('announces its features', async () => {
    const { client: c, init } = await LspClient.start();
    try {
      const caps = init.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      for (const k of [
        'documentSymbolProvider',
        'foldingRangeProvider',
        'selectionRangeProvider',
        'workspaceSymbolProvider',
        'documentLinkProvider',
        'inlayHintProvider',
        'hoverProvider',
        'referencesProvider',
        'documentHighlightProvider',
        'codeActionProvider',
        'completionProvider',
        'documentFormattingProvider',
      ] as const) {
        assert.ok(caps[k], k);
      }
      assert.deepEqual(caps.semanticTokensProvider, {
        legend: { tokenTypes: ['imrItemTitle', 'imrDecision', 'imrConclusion', 'imrGround'], tokenModifiers: ['upheld', 'overturned'] },
        full: true,
        range: true,
      });
    } finally {
      await c.stop();
    }
  });

  test('a sound seed has no diagnostics; each malformed sample has exactly its rule', async () => {
    assert.deepEqual(await client.open(uri(), seed), []);
    for (const [sample, rule] of [
      ['malformed-missing-rationale.txt', 'missing-rationale'],
      ['malformed-missing-guideline.txt', 'missing-guideline'],
      ['malformed-unknown-decision.txt', 'unknown-decision'],
      ['malformed-conflict.txt', 'decision-rationale-conflict'],
    ]) {
      const ds = await client.open(uri(sample), readSample(sample));
      assert.deepEqual(ds.map((d) => d.code), [rule], sample);
      assert.equal(ds[0].source, 'imr');
      assert.equal(ds[0].severity, DiagnosticSeverity.Error);
      assert.equal(ds[0].codeDescription?.href, `https://github.com/imr-letters/imr-letters/blob/main/docs/rules/${rule}.md`);
    }
    // A warning, not an error: which of the two decisions is wrong is for the reader to judge.
    const associated = readSample('malformed-associated-service.txt');
    const ds = await client.open(uri('malformed-associated-service.txt'), associated);
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['associated-service-conflict', DiagnosticSeverity.Warning]]);
    assert.equal(textAt(associated, ds[0].range), 'As the requested surgical intervention is not medically necessary');
  });

  test('a diagnostic points at the places it involves (related information), for a client that shows them', async () => {
    const text = readSample('malformed-conflict.txt');
    const u = uri('conflict');
    const [d] = await client.open(u, text);
    const conclusion = parseLetter(text).items[0].conclusionRange;
    assert.deepEqual(d.relatedInformation, [{ location: { uri: u, range: conclusion }, message: 'The rationale concludes the request is not medically necessary.' }]);
    await client.close(u);
    // A client that does not announce publishDiagnostics.relatedInformation gets the diagnostic without it.
    const { client: bare } = await LspClient.start({ bare: true });
    try {
      const [plain] = await bare.open(u, text);
      assert.equal(plain.code, 'decision-rationale-conflict');
      assert.equal(plain.relatedInformation, undefined);
      const { relatedInformation: _, ...rest } = d;
      assert.deepEqual(plain, rest);
    } finally {
      await bare.stop();
    }
  });

  test('Go to Definition from a service that goes with a surgery reaches the surgery: a link for a client that takes links, a location for one that does not', async () => {
    const text = readSample('malformed-associated-service.txt');
    const u = uri('definition');
    await client.open(u, text);
    const model = parseLetter(text);
    const [surgery, , cold] = model.items;
    const at = cold.surgeryDependence!.range.start;
    const links = await client.request<LocationLink[] | null>('textDocument/definition', { textDocument: { uri: u }, position: { line: at.line, character: at.character + 5 } });
    assert.deepEqual(links, [{ originSelectionRange: cold.surgeryDependence!.range, targetUri: u, targetRange: surgery.range, targetSelectionRange: surgery.title.range }]);
    assert.equal(textAt(text, links![0].targetSelectionRange), 'Right shoulder arthroscopy with rotator cuff repair');
    const fromTitle = await client.request<LocationLink[] | null>('textDocument/definition', { textDocument: { uri: u }, position: cold.title.range.start });
    assert.deepEqual(fromTitle?.map((l) => [l.originSelectionRange, l.targetSelectionRange]), [[cold.title.range, surgery.title.range]]);
    const onSurgery = await client.request<unknown>('textDocument/definition', { textDocument: { uri: u }, position: surgery.title.range.start });
    assert.equal(onSurgery, null, 'the surgery itself goes nowhere');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: at.line, character: at.character + 5 } });
    assert.equal(
      (hover?.contents as MarkupContent).value,
      'This decision rests on the surgery, item 1: **Right shoulder arthroscopy with rotator cuff repair**, Overturned.\n\nThe rationale takes the surgery as not medically necessary, but the letter overturns its denial.',
    );
    await client.close(u);
    const { client: bare } = await LspClient.start({ bare: true });
    try {
      await bare.open(u, text);
      const locations = await bare.request<Location[] | null>('textDocument/definition', { textDocument: { uri: u }, position: cold.title.range.start });
      assert.deepEqual(locations, [{ uri: u, range: surgery.title.range }]);
    } finally {
      await bare.stop();
    }
  });

  test('the range is on the offending text', async () => {
    const text = readSample('malformed-unknown-decision.txt');
    const [d] = await client.open(uri(), text);
    assert.equal(TextDocument.create('file:///x', 'imr', 1, text).getText(d.range), 'Uphled');
  });

  test('incremental changes: a typo appears and goes away', async () => {
    const u = uri();
    await client.open(u, seed);
    const line = seed.split('\n').findIndex((l) => l.includes(':  Upheld'));
    const character = seed.split('\n')[line].indexOf('Upheld');
    // "Upheld" → "Uphled": replace two characters.
    let wait = client.waitForDiagnostics(u, 2);
    await client.change(u, [{ range: { start: { line, character: character + 3 }, end: { line, character: character + 5 } }, text: 'le' }]);
    const typo = await wait;
    assert.deepEqual(typo.diagnostics.map((d) => d.code), ['unknown-decision']);
    assert.equal(typo.version, 2);
    wait = client.waitForDiagnostics(u, 3);
    await client.change(u, [{ range: { start: { line, character: character + 3 }, end: { line, character: character + 5 } }, text: 'el' }]);
    assert.deepEqual((await wait).diagnostics, []);
    assert.ok(client.letterChanged.some((x) => x.uri === u && x.version === 3), 'imr/letterChanged after the reparse');
  });

  test('imr/letter: the model of an open document, null otherwise', async () => {
    const u = uri();
    await client.open(u, seed);
    const model = await client.request<LetterModel | null>('imr/letter', { uri: u });
    assert.ok(model);
    assert.deepEqual(model, JSON.parse(JSON.stringify(parseLetter(seed))));
    assert.equal(await client.request('imr/letter', { uri: 'file:///nowhere.txt' }), null);
    assert.equal(await client.request('imr/letter', {}), null);
  });

  test('symbols, folding, selection ranges, hover, completion on a seed', async () => {
    const u = uri();
    await client.open(u, seed);
    const td = { textDocument: { uri: u } };
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td);
    const issues = symbols.find((s) => s.name === 'Issues, Decisions and Rationales');
    assert.equal(issues?.children?.[0].name, '12 Physical Therapy Treatments for The Lumbar Spine');
    assert.equal(issues?.children?.[0].detail, 'Upheld');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', td);
    assert.ok(folds.length >= 5);
    const item = parseLetter(seed).items[0];
    const sel = await client.request<SelectionRange[]>('textDocument/selectionRange', { ...td, positions: [item.title.range.start] });
    assert.equal(sel.length, 1);
    assert.ok(sel[0].parent, 'a chain, not a single range');
    const hover = await client.request<Hover | null>('textDocument/hover', { ...td, position: item.decisionText!.range.start });
    assert.match((hover?.contents as MarkupContent).value, /utilization review denial stands/);
    const line = seed.split('\n')[item.title.range.start.line];
    const completion = await client.request<CompletionItem[]>('textDocument/completion', {
      ...td,
      position: { line: item.title.range.start.line, character: line.indexOf('Upheld') },
    });
    assert.deepEqual(completion.map((c) => c.label), ['Upheld', 'Overturned']);
  });

  test('a code action applied through the protocol clears its diagnostic', async () => {
    const u = uri();
    let text = readSample('malformed-missing-rationale.txt');
    const [d] = await client.open(u, text);
    assert.equal(d.code, 'missing-rationale');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const sourceOnly = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: d.range,
      context: { diagnostics: [d], only: ['source.organizeImports'] },
    });
    assert.deepEqual(sourceOnly, [], 'only quick fixes, and only when asked for');
    const fix = actions.find((a) => a.isPreferred);
    const edits = fix?.edit?.changes?.[u];
    assert.ok(edits && edits.length > 0);
    text = applyEdits(text, edits);
    const wait = client.waitForDiagnostics(u, 2);
    await client.change(u, [{ text }]);
    assert.deepEqual((await wait).diagnostics, []);
  });

  test('closed and unknown documents answer empty, not an error', async () => {
    const u = uri();
    await client.open(u, seed);
    const cleared = client.waitForDiagnostics(u);
    await client.close(u);
    assert.deepEqual((await cleared).diagnostics, [], 'closing clears the diagnostics');
    for (const target of [u, 'file:///never-opened.txt', 'untitled:Untitled-1']) {
      const td = { textDocument: { uri: target } };
      const pos = { line: 0, character: 0 };
      assert.deepEqual(await client.request('textDocument/documentSymbol', td), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', td), []);
      assert.deepEqual(await client.request('textDocument/documentLink', td), []);
      assert.deepEqual(await client.request('textDocument/inlayHint', { ...td, range: { start: pos, end: { line: 100, character: 0 } } }), []);
      assert.deepEqual(await client.request('textDocument/selectionRange', { ...td, positions: [pos] }), []);
      assert.equal(await client.request('textDocument/hover', { ...td, position: pos }), null);
      assert.deepEqual(await client.request('textDocument/completion', { ...td, position: pos }), []);
      assert.deepEqual(
        await client.request('textDocument/codeAction', { ...td, range: { start: pos, end: pos }, context: { diagnostics: [] } }),
        [],
      );
      assert.equal(await client.request('imr/letter', { uri: target }), null);
    }
  });

  test('bad input does not crash it: empty, binary, huge', async () => {
    assert.deepEqual(await client.open(uri(), ''), []);
    const binary = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.ok(Array.isArray(await client.open(uri(), binary)));
    const huge = `${seed}\n`.repeat(Math.ceil((10.2 * 1024 * 1024) / seed.length));
    const hu = uri('huge');
    const ds = await client.open(hu, huge);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
    assert.match(String(ds[0].message), /over 10 MB/);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: hu } }), []);
    assert.equal(await client.request('imr/letter', { uri: hu }), null);
    await client.close(hu);
    // Under the size limit but millions of lines: an object a line would take gigabytes (the audit's 1 GB heap ran out).
    const lines = uri('lines');
    const many = await client.open(lines, '\n'.repeat(9_900_000));
    assert.equal(many.length, 1);
    assert.equal(many[0].code, 'document-too-large');
    assert.match(String(many[0].message), /200,000 lines/);
    await client.close(lines);
    assert.ok(client.isRunning);
  });

  test('imr/pdfText: the text of a letter\'s PDF, which opened as a letter has its items; a reason for what is not one', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-lsp-pdf-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(path.join(dir, name), bytes);
      return pathToFileURL(path.join(dir, name)).href;
    };
    const pdf = file('letter.pdf', writePdf(letterPages(seed)));
    const got = await client.request<DecodeResult>('imr/pdfText', { uri: pdf });
    assert.ok(got.ok, got.ok ? '' : got.reason);
    // The same text as the CLI's reader, and a letter with the seed's items once opened.
    const direct = await readPdfText(writePdf(letterPages(seed)));
    assert.deepEqual(got, direct);
    const opened = 'imr-pdf:' + new URL(pdf).pathname;
    await client.open(opened, got.text);
    const model = await client.request<LetterModel>('imr/letter', { uri: opened });
    assert.deepEqual(model.items.map((i) => [i.title.value, i.decision]), parseLetter(seed).items.map((i) => [i.title.value, i.decision]));
    await client.close(opened);
    const reasons: [string, RegExp][] = [
      [file('locked.pdf', writePdf([[{ text: 'x' }]], { locked: true })), /^a password-protected PDF; not read$/],
      [file('damaged.pdf', '%PDF-1.4 1 0 obj <<'), /^not a readable PDF \(damaged or incomplete\)$/],
      [file('letter.txt', seed), /^not a PDF \(it does not start with %PDF-\)$/],
      [pathToFileURL(path.join(dir, 'missing.pdf')).href, /^no such file$/],
      ['untitled:Untitled-1', /^not a file on this machine$/],
    ];
    for (const [target, reason] of reasons) {
      const r = await client.request<{ ok: boolean; reason?: string }>('imr/pdfText', { uri: target });
      assert.equal(r.ok, false, target);
      assert.match(String(r.reason), reason, target);
    }
    assert.ok(client.isRunning);
    // pdf.js wrote nothing into the protocol's stream or the log on loading (its "cannot draw" warnings).
    assert.doesNotMatch(client.logs.join(''), /Warning: |pdf\.js/i);
  });

  test('while pdf.js works on a slow PDF the server goes on answering; a text bomb gets its reason', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-lsp-hostile-pdf-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, bytes: Buffer) => {
      writeFileSync(path.join(dir, name), bytes);
      return pathToFileURL(path.join(dir, name)).href;
    };
    // Twelve strings of a million letters on a page: seconds of pdf.js, in the PDF reader's process.
    const slow = file('slow.pdf', writeRepeatedPdf({ pages: 1, unit: longString(1_000_000), times: 12 }));
    const u = uri();
    await client.open(u, seed);
    let slowAnswered = false;
    const pending = client.request<DecodeResult>('imr/pdfText', { uri: slow }).then((r) => {
      slowAnswered = true;
      return r;
    });
    // Asked after the PDF, answered before it: the server's thread is not the one reading.
    for (let i = 0; i < 3; i++) {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      assert.ok(symbols.length > 0);
    }
    assert.equal(slowAnswered, false, 'the slow PDF was answered before the requests after it');
    const r = await pending;
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const bomb = file('bomb.pdf', writeRepeatedPdf({ pages: 20, unit: longString(30 * 1024 * 1024), times: 1 }));
    assert.deepEqual(await client.request('imr/pdfText', { uri: bomb }), {
      ok: false,
      reason: 'a PDF with a string of over a million characters (no letter has one); not read',
    });
    await client.close(u);
    assert.ok(client.isRunning);
  });

  test('a burst of changes to a slow (multi-megabyte) letter is checked once, not once per change', async () => {
    const single = seed.replace(/\n\s*\n/g, '\n');
    const block = single.slice(single.indexOf('12 Physical Therapy'));
    const big = single + block.repeat(Math.ceil(1.5e6 / block.length));
    const u = uri('big');
    await client.open(u, big);
    const before = client.published.length;
    let version = 1;
    for (let i = 0; i < 10; i++) version = await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitForDiagnostics(u, version, 60000);
    const published = client.published.slice(before).filter((p) => p.uri === u).map((p) => p.version);
    assert.ok(published.length <= 2, `checked ${published.length} times for 10 changes (${published.join(', ')})`);
    assert.equal(published[published.length - 1], version);
    await client.close(u);
  });

  test('random edit sequences (inserts, deletes, CRLF) keep it in sync and alive', async () => {
    const base = readSample('malformed-conflict.txt');
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 120 }),
      text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r', ':  Upheld', 'Decision rationale: ', '')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
        const u = uri('fc');
        let local = TextDocument.create(u, 'imr', 1, base);
        await client.open(u, base);
        let version = 1;
        for (const e of edits) {
          const len = local.getText().length;
          const start = local.positionAt(e.at % (len + 1));
          const end = local.positionAt(Math.min(len, (e.at % (len + 1)) + e.del));
          const change = { range: { start, end }, text: e.text };
          local = TextDocument.update(local, [change], ++version);
          await client.change(u, [change]);
        }
        const last = client.waitForDiagnostics(u, version);
        await last;
        const model = await client.request<LetterModel | null>('imr/letter', { uri: u });
        assert.deepEqual(model, JSON.parse(JSON.stringify(parseLetter(local.getText()))), 'the server saw the same text');
        await client.close(u);
      }),
      { numRuns: 25 },
    );
    assert.ok(client.isRunning);
  });
});

describe('transports', { skip: serverSkip }, () => {
  test('--node-ipc, as the VS Code client starts it', async () => {
    const child = fork(path.join(distDir, 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const diagnostics = new Promise<{ diagnostics: unknown[] }>((resolve) =>
        conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => resolve(p)),
      );
      conn.listen();
      const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
        capabilities: { hoverProvider?: boolean };
      };
      assert.equal(init.capabilities.hoverProvider, true);
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///ipc.txt', languageId: 'imr', version: 1, text: readSample('malformed-conflict.txt') },
      });
      const p = await diagnostics;
      assert.equal(p.diagnostics.length, 1);
    } finally {
      conn.dispose();
      child.kill();
    }
  });

  test('without a transport it says how to start it', async () => {
    const child = fork(path.join(distDir, 'server.js'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /usage: node dist\/server\.js --stdio/);
  });
});

describe('the protocol\'s lifecycle', { skip: serverSkip }, () => {
  function rawServer() {
    const child = spawn(process.execPath, [path.join(distDir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    conn.listen();
    return { child, conn, exited, stderr: () => stderr };
  }
  const errorCode = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: { code?: number }) => e.code,
    );

  test('a request before initialize answers ServerNotInitialized; after shutdown, InvalidRequest; exit then ends it with 0', async () => {
    const { child, conn, exited } = rawServer();
    try {
      const hover = { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } };
      assert.equal(await errorCode(conn.sendRequest('textDocument/hover', hover)), -32002);
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification('initialized', {});
      assert.equal(await conn.sendRequest('textDocument/hover', hover), null);
      await conn.sendRequest('shutdown');
      assert.equal(await errorCode(conn.sendRequest('textDocument/hover', hover)), -32600);
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      conn.dispose();
      child.kill();
    }
  });

  test('a client that announces no capabilities at all gets no error in the log', async () => {
    const { client } = await LspClient.start({ bare: true });
    try {
      assert.deepEqual(await client.open(uri(), readSample('malformed-conflict.txt')).then((ds) => ds.map((d) => d.code)), [
        'decision-rationale-conflict',
      ]);
      assert.deepEqual(client.logs.filter((l) => /fail|error|uncaught/i.test(l)), []);
    } finally {
      await client.stop();
    }
  });

  test('when the client closes the server\'s output, the server exits quietly', async () => {
    const { child, conn, exited, stderr } = rawServer();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification('initialized', {});
      child.stdout.destroy();
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///gone.txt', languageId: 'imr', version: 1, text: readSample('malformed-conflict.txt') },
      });
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 8000))]);
      assert.equal(code, 1);
      assert.equal(stderr(), '', 'no stack trace');
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});

describe('settings', { skip: serverSkip }, () => {
  test('imr.rules read through workspace/configuration and applied live', async () => {
    const { client } = await LspClient.start({ settings: { rules: { 'unknown-decision': 'warning' } } });
    try {
      const u = uri();
      const [d] = await client.open(u, readSample('malformed-unknown-decision.txt'));
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      let wait = client.waitForDiagnostics(u);
      await client.changeSettings({ rules: { 'unknown-decision': 'hint' } });
      assert.equal((await wait).diagnostics[0].severity, DiagnosticSeverity.Hint);
      wait = client.waitForDiagnostics(u);
      await client.changeSettings({ rules: { 'unknown-decision': 'off' } });
      assert.deepEqual((await wait).diagnostics, []);
      wait = client.waitForDiagnostics(u);
      await client.changeSettings({ rules: {} });
      assert.equal((await wait).diagnostics[0].severity, DiagnosticSeverity.Error);
    } finally {
      await client.stop();
    }
  });

  test('imr.format.joinLines: Format Document joins the lines of each paragraph, and keeps them when it is off again', async () => {
    const { client } = await LspClient.start({ settings: { rules: {}, format: { joinLines: true } } });
    try {
      const text = readSample('malformed-unknown-decision.txt').replace(/\n/g, '\r\n');
      const u = uri('join');
      await client.open(u, text);
      const options = { tabSize: 4, insertSpaces: true };
      const format = async () => TextDocument.applyEdits(TextDocument.create(u, 'imr', 1, text), await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options }));
      assert.equal(await format(), tidyLetter(text, { joinLines: true }));
      assert.notEqual(tidyLetter(text, { joinLines: true }), tidyLetter(text));
      await client.changeSettings({ rules: {}, format: { joinLines: false } });
      assert.equal(await format(), tidyLetter(text));
    } finally {
      await client.stop();
    }
  });

  test('clients without workspace/configuration push their settings', async () => {
    const { client } = await LspClient.start({ configuration: false });
    try {
      const u = uri();
      const [d] = await client.open(u, readSample('malformed-conflict.txt'));
      assert.equal(d.severity, DiagnosticSeverity.Error);
      const wait = client.waitForDiagnostics(u);
      await client.changeSettings({ rules: { 'decision-rationale-conflict': 'information' } });
      assert.equal((await wait).diagnostics[0].severity, DiagnosticSeverity.Information);
    } finally {
      await client.stop();
    }
  });
});

describe('the workspace folder', { skip: serverSkip || corpusSkip }, () => {
  let client: LspClient;
  const folder = pathToFileURL(lettersDir).href;
  before(async () => {
    client = (await LspClient.start({ workspaceFolders: [folder] })).client;
  });
  after(async () => client.stop());

  test('workspace symbols find the items of the folder\'s letters by service', async () => {
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'facet' });
    assert.ok(found.length >= 3);
    for (const s of found) assert.ok(s.location.uri.startsWith(folder), s.location.uri);
    assert.ok(found.some((s) => /facet/i.test(s.name)));
  });

  test('an open letter takes the place of its file', async () => {
    const file = path.join(lettersDir, '001_CM16-0219557.txt');
    const u = pathToFileURL(file).href;
    const text = readCorpusLetter('001_CM16-0219557.txt').replace('Facet joint injections L4-5, L5-S1', 'Zyxwv injections');
    await client.open(u, text);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'zyxwv' });
    assert.deepEqual(found.map((s) => s.location.uri), [u]);
    await client.close(u);
  });

  test('Format Document: the edits make the tidied letter, and a tidy letter gets none', async () => {
    const text = readSample('malformed-unknown-decision.txt').replace(/\n/g, '\r\n');
    const u = uri('format');
    await client.open(u, text);
    const options = { tabSize: 4, insertSpaces: true };
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options });
    assert.ok(edits.length > 10, `${edits.length} edits`);
    const tidied = TextDocument.applyEdits(TextDocument.create(u, 'imr', 1, text), edits);
    assert.equal(tidied, tidyLetter(text));
    await client.close(u);
    await client.open(u, tidied);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: u }, options }), []);
    await client.close(u);
  });

  test("a hover on the header's decision date gives the review's timeline, over the date's range", async () => {
    const text = readSample('malformed-associated-service.txt').replace(/\n/g, '\r\n');
    const u = uri('timeline');
    await client.open(u, text);
    const field = parseLetter(text).header!.decisionDate!;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: field.range.end });
    assert.deepEqual(hover?.range, field.range);
    assert.equal(textAt(text, hover!.range!), '11/07/2016');
    assert.match((hover?.contents as MarkupContent).value, /- \*\*application to decision: 42 days\*\*/);
    await client.close(u);
  });

  test('document links and citation hovers on a corpus letter', async () => {
    const u = uri('005');
    const text = readCorpusLetter('005_CM16-0229336.txt');
    await client.open(u, text);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: u } });
    assert.ok(links.some((l) => l.target?.startsWith('http://www.slideshare.net/')));
    const c = parseLetter(text).items[0].maximusGuideline?.citations[0];
    assert.ok(c);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: c.range.start });
    assert.ok(h && (h.contents as MarkupContent).value.length > 0);
  });

  test('a citation naming no section: the hover offers the entry for the item\'s service, marked as cited where the item cites it', async () => {
    const u = uri('bare-odg');
    // Seed 001's claims administrator cites the Chronic Pain guideline; here it cites ODG alone.
    const text = replaceOnce(seed, /Decision based on MTUS Chronic Pain Treatment Guidelines\s*Physical Medicine\./, 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).');
    await client.open(u, text);
    const item = parseLetter(text).items[0];
    const c = item.claimsAdministratorGuideline?.citations[0];
    assert.equal(c?.text, 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)');
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: c.range.end });
    const value = (h?.contents as MarkupContent).value;
    assert.deepEqual(h?.range, c.range);
    // The seed's MAXIMUS paragraph cites ODG's physical therapy (Low Back Chapter, Physical Therapy): the entry offered.
    assert.match(value, /For the service decided here, "12 Physical Therapy Treatments for The Lumbar Spine", this guideline has \(cited in the item's "MAXIMUS guideline" paragraph\)/);
    assert.match(value, /Physical therapy \(ODG physical therapy guidelines\)/);
    await client.close(u);
  });

  test('inlay hints: the topic a citation\'s pages hold, at the citation\'s end, for the range asked', async () => {
    const u = uri('hints');
    await client.open(u, seed);
    const everything = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: u }, range: everything });
    const line = seed.split(/\r?\n/).findIndex((l) => l.startsWith('Page(s): 298,'));
    assert.deepEqual(
      hints.map((h) => [h.label, h.position]),
      [
        ['§ Low back: Physical Methods', { line, character: 'Page(s): 298'.length }],
        ['§ Physical medicine', { line, character: 'Page(s): 298,Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98'.length }],
      ],
    );
    const before = { start: { line: 0, character: 0 }, end: { line: line - 1, character: 0 } };
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: u }, range: before }), []);
    await client.close(u);
  });

  test('semantic tokens: the whole letter, then a range, decoded with the legend the server announced', async () => {
    const { client: c, init } = await LspClient.start();
    try {
      const legend = (init.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
      const u = uri('tokens');
      // CRLF, and astral characters before the title: the columns are UTF-16 code units.
      const text = seed.replace('12 Physical Therapy', '😀 12 Physical Therapy').replace(/\n/g, '\r\n');
      await c.open(u, text);
      const lines = text.split('\r\n');
      const decode = (data: number[]) => {
        const out: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < data.length; i += 5) {
          line += data[i];
          character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
          const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
          out.push(`${line} ${legend.tokenTypes[data[i + 3]]}${mods.map((m) => `.${m}`).join('')} ${lines[line].slice(character, character + data[i + 2])}`);
        }
        return out;
      };
      const full = decode((await c.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: u } })).data);
      const titleLine = lines.findIndex((l) => l.startsWith('😀 12 Physical Therapy'));
      assert.deepEqual(full.slice(0, 2), [
        `${titleLine} imrItemTitle 😀 12 Physical Therapy Treatments for The Lumbar Spine`,
        `${titleLine} imrDecision.upheld Upheld`,
      ]);
      assert.match(full[full.length - 1], /^\d+ imrConclusion\.upheld not medically necessary$/);
      const range = { start: { line: titleLine, character: 0 }, end: { line: titleLine + 1, character: 0 } };
      const some = decode((await c.request<{ data: number[] }>('textDocument/semanticTokens/range', { textDocument: { uri: u }, range })).data);
      assert.deepEqual(some, full.slice(0, 2));
      // A document the server does not hold: no tokens, and it goes on serving.
      assert.deepEqual(await c.request('textDocument/semanticTokens/full', { textDocument: { uri: uri('unknown') } }), { data: [] });
      assert.ok(c.isRunning);
    } finally {
      await c.stop();
    }
  });

  test('imr/folderSummary lists the folder\'s letters', async () => {
    const r = await client.request<{ letters: { uri: string; letter: FolderLetter }[] }>('imr/folderSummary', { folderUri: folder });
    assert.ok(r.letters.length >= 140);
    assert.ok(r.letters.every((l) => l.letter.isLetter));
    // What the summary shows of each letter, not the whole model.
    const one = r.letters.find((l) => l.uri.endsWith(corpusLetters()[0]));
    assert.ok(one);
    const model = parseLetter(readCorpusLetter(corpusLetters()[0]));
    assert.deepEqual(one.letter, workspaceLetterOf(one.uri, model).letter);
    const folderOnly = JSON.parse(JSON.stringify(folderLetterOf(model))) as FolderLetter;
    assert.deepEqual({ ...one.letter, items: one.letter.items.map((i) => ({ ...i, symbolRange: undefined, detail: undefined, citedKeys: undefined })) }, {
      ...folderOnly,
      items: folderOnly.items.map((i) => ({ ...i, symbolRange: undefined, detail: undefined, citedKeys: undefined })),
    }, 'a FolderLetter, with what workspace symbols and hovers use');
  });

  test("imr/folderSummary gives each item's checks, leaving out the rules the folder's settings turn off", async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-folder-checks-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const f of ['malformed-conflict.txt', 'malformed-associated-service.txt', seedFiles[1]]) copyFileSync(path.join(repoRoot, 'samples', f), path.join(dir, f));
    const checksOf = async (c: LspClient) => {
      const r = await c.request<{ letters: { uri: string; letter: FolderLetter }[] }>('imr/folderSummary', { folderUri: pathToFileURL(dir).href });
      return Object.fromEntries(r.letters.map((l) => [path.basename(l.uri), l.letter.items.map((i) => i.checks ?? [])]));
    };
    assert.deepEqual(await checksOf(client), {
      'malformed-conflict.txt': [['decision-rationale-conflict']],
      'malformed-associated-service.txt': [[], [], ['associated-service-conflict']],
      [seedFiles[1]]: [[]],
    });
    const { client: quiet } = await LspClient.start({ settings: { rules: { 'decision-rationale-conflict': 'off' } } });
    try {
      assert.deepEqual(await checksOf(quiet), {
        'malformed-conflict.txt': [[]],
        'malformed-associated-service.txt': [[], [], ['associated-service-conflict']],
        [seedFiles[1]]: [[]],
      });
    } finally {
      await quiet.stop();
    }
  });

  test('a citation hover waits only so long for the folder\'s letters, then uses the last complete reading', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-hover-wait-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const samples = readdirSync(path.join(repoRoot, 'samples')).filter((f) => f.endsWith('.txt'));
    for (let k = 0; k < 40; k++) for (const f of samples) copyFileSync(path.join(repoRoot, 'samples', f), path.join(dir, `${k}-${f}`));
    // A server that does not wait at all: the first hover comes before any reading of the folder is complete.
    const { client: impatient } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], env: { IMR_HOVER_FOLDER_WAIT_MS: '0' } });
    try {
      const text = readSeed();
      const u = pathToFileURL(path.join(dir, `0-${seedFiles[1]}`)).href;
      await impatient.open(u, text);
      const c = parseLetter(text).items[0].maximusGuideline?.citations[0];
      assert.ok(c);
      const hover = async () => ((await impatient.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: c.range.start }))?.contents as MarkupContent).value;
      const first = await hover();
      assert.match(first, /\S/, 'the hover answers at once');
      assert.doesNotMatch(first, /Cited by/, 'without folder figures: the folder is still being read');
      // The summary panel's context says so, and the panel asks again.
      type Context = { items: ItemContext[]; pending?: boolean } | null;
      const early = await impatient.request<Context>('imr/itemContext', { uri: u });
      assert.equal(early?.pending, true);
      assert.equal(early?.items[0]?.sameService?.others ?? 0, 0, "no precedents yet");
      // Once a reading is complete (a workspace-symbol search waits for one), hovers have the figures at once.
      await impatient.request('workspace/symbol', { query: 'x' });
      assert.match(await hover(), /Cited by \d+ items here/);
      const later = await impatient.request<Context>('imr/itemContext', { uri: u });
      assert.equal(later?.pending, false);
      assert.ok((later?.items[0]?.sameService?.others ?? 0) > 0, 'the precedents of the folder read');
    } finally {
      await impatient.stop();
    }
  });

  test('a cancelled request answers RequestCancelled', async () => {
    const { client: fresh } = await LspClient.start({ workspaceFolders: [folder] });
    try {
      const source = new CancellationTokenSource();
      const pending = fresh.connection.sendRequest('workspace/symbol', { query: 'a' }, source.token);
      setTimeout(() => source.cancel(), 20);
      await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
      assert.ok(fresh.isRunning);
    } finally {
      await fresh.stop();
    }
  });

  test('a letter closed while a hover reads the folder, and opened again at the same version with other text, shows the new text', async () => {
    const { client: fresh } = await LspClient.start({ workspaceFolders: [folder] });
    try {
      const u = uri('reopened');
      await fresh.open(u, readCorpusLetter('001_CM16-0219557.txt'));
      const letter = await fresh.request<LetterModel>('imr/letter', { uri: u });
      const citation = letter.items.flatMap((i) => i.maximusGuideline?.citations ?? [])[0];
      // The hover on a citation waits for the folder's letters: the close arrives meanwhile, the new open after it.
      const hover = fresh.request('textDocument/hover', { textDocument: { uri: u }, position: citation.range.start });
      await fresh.close(u);
      await hover;
      const conflict = readSample('malformed-conflict.txt');
      assert.deepEqual((await fresh.open(u, conflict)).map((d) => d.code), ['decision-rationale-conflict']);
      const fromScratch = uri('scratch');
      await fresh.open(fromScratch, conflict);
      const symbols = (target: string) => fresh.request('textDocument/documentSymbol', { textDocument: { uri: target } });
      assert.deepEqual(await symbols(u), await symbols(fromScratch));
      assert.deepEqual(await fresh.request('imr/letter', { uri: u }), await fresh.request('imr/letter', { uri: fromScratch }));
    } finally {
      await fresh.stop();
    }
  });
});

describe('the editor shows what the CLI shows', { skip: serverSkip || corpusSkip }, () => {
  test('on every corpus letter the server\'s diagnostics are lintLetter\'s, and none is an error', async () => {
    const { client } = await LspClient.start();
    try {
      const letters = corpusLetters();
      assert.ok(letters.length >= 100);
      for (const f of letters) {
        const text = readCorpusLetter(f);
        const u = uri(f);
        const shown = await client.open(u, text);
        const expected = JSON.parse(JSON.stringify(lintLetter(parseLetter(text), { text, uri: u })));
        assert.deepEqual(shown, expected, f);
        assert.ok(shown.every((d) => d.severity !== DiagnosticSeverity.Error), f);
        await client.close(u);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('the workspace index', { skip: serverSkip }, () => {
  test('reads .txt and .imr letters lazily, skips other files, and rereads a file when it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-'));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'a.txt'), readSeed(seedFiles[1]));
      // A whole second: set again later to the same value exactly.
      const aTime = new Date('2024-05-01T12:00:00Z');
      utimesSync(path.join(dir, 'a.txt'), aTime, aTime);
      writeFileSync(path.join(dir, 'sub', 'b.imr'), readSeed(seedFiles[3]));
      writeFileSync(path.join(dir, 'notes.txt'), 'Mechanical traction: Upheld\nnothing else\n');
      writeFileSync(path.join(dir, 'c.md'), readSeed(seedFiles[3]));
      // Saved as "Unicode" by a Windows tool: UTF-16 with its byte-order mark, as an editor opens it.
      writeFileSync(path.join(dir, 'd.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed(seedFiles[2]), 'utf16le')]));
      const names = async (q: string) =>
        (await client.request<SymbolInformation[]>('workspace/symbol', { query: q })).map((s) => path.basename(s.location.uri));
      assert.deepEqual(await names('traction'), ['b.imr'], 'the non-letter and the .md file are skipped');
      assert.deepEqual(await names('physical therapy'), ['a.txt']);
      assert.deepEqual(await names('sacrococcygeal'), ['d.txt'], 'the UTF-16 letter is read');
      // The same size and, put back, the same mtime: the index keeps what it read (no file is read twice).
      const changed = readSeed(seedFiles[1]).replace('12 Physical Therapy Treatments', '12 Aquatic  Therapy Treatments');
      assert.equal(changed.length, readSeed(seedFiles[1]).length);
      writeFileSync(path.join(dir, 'a.txt'), changed);
      utimesSync(path.join(dir, 'a.txt'), aTime, aTime);
      assert.deepEqual(await names('aquatic'), [], 'an unchanged mtime and size: the letter as read before');
      // A later mtime tells the index to read it again.
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(dir, 'a.txt'), later, later);
      assert.deepEqual(await names('aquatic'), ['a.txt']);
      assert.deepEqual(await names('physical therapy'), []);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('references on a citation: the letter\'s own, and the items of the folder\'s letters decided on the section; highlights in the letter', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-refs-'));
    const text = readSeed('004_a9481a5a1cd48426.txt');
    const renamed = text.replace('UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE', 'REPEAT MRI OF THE NECK');
    writeFileSync(path.join(dir, 'letter.txt'), text);
    writeFileSync(path.join(dir, 'repeat.txt'), renamed);
    writeFileSync(path.join(dir, 'other.txt'), readSeed(seedFiles[0]));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const u = pathToFileURL(path.join(dir, 'letter.txt')).href;
      await client.open(u, text);
      const mri = parseLetter(text).items.find((i) => i.title.value.includes('MRI'))!;
      const reviewer = mri.maximusGuideline!.citations[0];
      const administrator = mri.claimsAdministratorGuideline!.citations[0];
      const at = { textDocument: { uri: u }, position: { line: reviewer.range.start.line, character: reviewer.range.start.character + 4 } };
      const refs = await client.request<Location[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
      const repeat = parseLetter(renamed).items.find((i) => i.title.value.startsWith('REPEAT MRI'))!;
      assert.deepEqual(refs, [
        { uri: u, range: administrator.range },
        { uri: u, range: reviewer.range },
        { uri: pathToFileURL(path.join(dir, 'repeat.txt')).href, range: itemTitleRange(repeat) },
      ]);
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at);
      assert.deepEqual(highlights, [
        { range: administrator.range, kind: DocumentHighlightKind.Text },
        { range: reviewer.range, kind: DocumentHighlightKind.Read },
      ]);
      // Off a citation and an item's title: null, for the editor's own word highlights and references.
      const off = { textDocument: { uri: u }, position: { line: 0, character: 0 } };
      assert.equal(await client.request('textDocument/references', { ...off, context: { includeDeclaration: true } }), null);
      assert.equal(await client.request('textDocument/documentHighlight', off), null);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('references and the hover on an item\'s title: the workspace\'s items for the same service, PDFs included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-service-'));
    const text = readSeed('004_a9481a5a1cd48426.txt');
    // Two other letters with the same items (other case numbers), one of them a PDF; a copy of the open letter, whose
    // items are its own (listed, not counted); and a letter without the service.
    const withCase = (n: number) => `Case Number: CM16-000000${n}\n${text}`;
    writeFileSync(path.join(dir, 'copy.txt'), withCase(1));
    writeFileSync(path.join(dir, 'printed.pdf'), writePdf(letterPages(withCase(2))));
    writeFileSync(path.join(dir, 'same.txt'), text);
    writeFileSync(path.join(dir, 'other.txt'), readSeed(seedFiles[0]));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const u = 'file:///virtual/open-letter.txt';
      await client.open(u, text);
      const mri = parseLetter(text).items.find((i) => i.title.value.includes('MRI'))!;
      const at = { textDocument: { uri: u }, position: { line: mri.title.range.start.line, character: 2 } };
      const refs = await client.request<Location[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
      assert.deepEqual(
        refs.map((r) => path.basename(r.uri)),
        ['open-letter.txt', 'copy.txt', 'printed.pdf', 'same.txt'],
      );
      assert.deepEqual(refs[1].range, itemTitleRange(parseLetter(withCase(1)).items[mri.index]));
      assert.deepEqual(refs[3].range, itemTitleRange(mri));
      // The PDFs are read now (references waited for them): the hover counts both other letters, both upheld, and not
      // the copy of this one.
      const h = await client.request<Hover | null>('textDocument/hover', at);
      assert.match(
        (h!.contents as MarkupContent).value,
        /2 other items for this service here: 2 upheld, 0 overturned; grounds most given: No red flags, neurological deficit or surgery in view \(2\)\./,
      );
      // The summary panel's context (imr/itemContext): the same figures, and each item's sections.
      const context = await client.request<{ version: number; items: ItemContext[]; unreadPdfs: number } | null>('imr/itemContext', { uri: u });
      assert.equal(context?.version, 1);
      assert.equal(context?.unreadPdfs, 0);
      const ofMri = context!.items.find((c) => c.index === mri.index)!;
      assert.deepEqual(ofMri.sameService, { others: 2, upheld: 2, overturned: 0, grounds: [['no-red-flags', 2]] });
      assert.deepEqual(ofMri.sections, citedSections(mri.maximusGuideline!.citations));
      // And the grounds each rationale gives, with the line of the sentence: the massage's number of sessions beyond
      // the guideline's, the MRI's and the traction's absent red flags and radicular findings.
      const lineOf = (words: string) => text.split(/\r?\n/).findIndex((l) => l.includes(words));
      assert.deepEqual(
        context!.items.map((c) => c.grounds),
        [
          [{ kind: 'no-red-flags', line: lineOf('The injured worker reported no radicular pain') }],
          [{ kind: 'beyond-guideline-limits', line: lineOf('Also, the requested number of sessions exceeds') }],
          [{ kind: 'no-red-flags', line: lineOf('The evaluation did not note the injured worker to have any red flags') }],
          [],
        ],
      );
      // The hover on the MRI's "Decision rationale:" label quotes the sentence.
      const label = mri.rationale!.labelRange;
      const onLabel = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: label.start });
      assert.deepEqual(onLabel!.range, label);
      assert.match((onLabel!.contents as MarkupContent).value, /- \*\*No red flags, neurological deficit or surgery in view\*\* \(line \d+\): "The evaluation did not note the injured worker to have any red flags that would indicate an MRI/);
      assert.equal(await client.request('imr/itemContext', { uri: 'file:///virtual/not-open.txt' }), null);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imr/folderSummary reads the folder\'s PDFs too; symbol searches then find them, as read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-pdf-'));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href]});
    try {
      writeFileSync(path.join(dir, 'a.txt'), readSeed(seedFiles[1]));
      const pdfText = readSeed(seedFiles[3]);
      writeFileSync(path.join(dir, 'b.PDF'), writePdf(letterPages(pdfText)));
      writeFileSync(path.join(dir, 'c.pdf'), writePdf([[{ text: 'A menu, not a letter' }]]));
      writeFileSync(path.join(dir, 'd.pdf'), writePdf([[{ text: 'x' }]], { locked: true }));
      const summary = async () => (await client.request<{ letters: { uri: string; letter: FolderLetter }[] }>('imr/folderSummary', { folderUri: pathToFileURL(dir).href })).letters;
      const first = await summary();
      assert.deepEqual(first.map((l) => path.basename(l.uri)), ['a.txt', 'b.PDF']);
      // The PDF's items are those of the letter it was printed from, at the lines of its text (imr/pdfText's).
      const text = await client.request<DecodeResult>('imr/pdfText', { uri: first[1].uri });
      assert.ok(text.ok);
      assert.deepEqual(first[1].letter, JSON.parse(JSON.stringify(workspaceLetterOf(first[1].uri, parseLetter(text.text)).letter)));
      assert.deepEqual(first[1].letter.items.map((i) => i.title.value), parseLetter(pdfText).items.map((i) => i.title.value));
      const names = async (q: string) => (await client.request<SymbolInformation[]>('workspace/symbol', { query: q })).map((sym) => path.basename(sym.location.uri));
      assert.deepEqual(await names('traction'), ['b.PDF'], 'the PDF the summary read, by its file');
      assert.deepEqual(await names('physical therapy'), ['a.txt']);
      // Still read, not read again: the summary after a symbol search has the same PDF entry.
      assert.deepEqual(await summary(), first);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('PDFs not read yet are read in the background, under a progress: symbol searches and hovers answer at once, then count them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-bg-'));
    const text = readSeed('004_a9481a5a1cd48426.txt');
    // Each PDF another letter (its own case number): copies of one letter would count once.
    const pdfText = (i: number) => `Case Number: CM16-${String(i).padStart(7, '0')}\n${text}`;
    // Enough for the reading to last past the half second after which its progress shows (about 10 ms a PDF here).
    const count = 120;
    for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `l${String(i).padStart(2, '0')}.pdf`), writePdf(letterPages(pdfText(i))));
    writeFileSync(path.join(dir, 'letter.txt'), text);
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const u = pathToFileURL(path.join(dir, 'letter.txt')).href;
      await client.open(u, text);
      // The last PDF (the last to be read) open as its text, as VS Code opens one: it counts as read.
      await client.open(`imr-pdf:${pathToFileURL(path.join(dir, `l${count - 1}.pdf`)).pathname}`, pdfText(count - 1));
      const mri = parseLetter(text).items.find((i) => i.title.value.includes('MRI'))!;
      const at = { textDocument: { uri: u }, position: mri.maximusGuideline!.citations[0].range.start };
      const hoverFooter = async () => {
        const h = await client.request<Hover | null>('textDocument/hover', at);
        return /Cited by (\d+) items? here: \d+ upheld, \d+ overturned(?: \((\d+) PDFs? of the workspace not read yet\))?\./.exec((h!.contents as MarkupContent).value);
      };
      const pdfsFound = async () =>
        new Set((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'MRI' })).map((s) => s.location.uri).filter((u) => u.endsWith('.pdf')));
      // The first reading answers without waiting for the PDFs (read one at a time).
      // Each copy of the letter counts this many items decided on the section.
      const perLetter = folderStatsFor(mri.maximusGuideline!.citations[0], [workspaceLetterOf(u, parseLetter(text))])!.citedBy;
      const first = await hoverFooter();
      assert.ok(first, 'the hover has its figures');
      const pdfsCounted = Number(first[1]) / perLetter - 1;
      assert.ok(pdfsCounted < count, `counted ${pdfsCounted} PDFs before they were read`);
      assert.ok(Number(first[2]) > 0, 'and says how many PDFs are not read yet');
      assert.equal(pdfsCounted + Number(first[2]), count, 'read and unread make the whole folder, the open PDF counted once');
      // Later readings find them, until all are read; then the hover no longer mentions any.
      let found = (await pdfsFound()).size;
      for (const deadline = Date.now() + 60_000; found < count && Date.now() < deadline; found = (await pdfsFound()).size) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(found, count, 'every PDF in the symbol search');
      const last = await hoverFooter();
      assert.deepEqual([last?.[1], last?.[2]], [String(perLetter * (count + 1)), undefined]);
      // The server showed the background reading under a progress of its own, begun and ended.
      const values = client.progress.map((p) => p.value);
      assert.ok(values.some((v) => v.kind === 'begin'), JSON.stringify(values.slice(0, 3)));
      assert.equal(values.at(-1)!.kind, 'end');
      // It begins with the round as it stands half a second in, not as it began (the first PDF queued: "0 of 1").
      const begin = values.find((v) => v.kind === 'begin')!;
      const firstReport = values.find((v) => v.kind === 'report')!;
      const total = (v: { message?: string }) => Number(/^[\d,]+ of ([\d,]+) PDFs$/.exec(v.message ?? '')?.[1].replace(/,/g, ''));
      assert.ok(total(begin) > 1, `begins with ${begin.message}`);
      assert.equal(total(begin), total(firstReport), `begins with ${begin.message}, then reports ${firstReport.message}`);
      assert.ok(values.some((v) => v.kind === 'report' && /^\d+ of \d+ PDFs$/.test(v.message ?? '')));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imr.workspacePdfs off: symbol searches and hovers leave the PDFs out and read none; on again, they count them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-nopdf-'));
    const text = readSeed('004_a9481a5a1cd48426.txt');
    // Three other letters (their own case numbers) as PDFs.
    for (let i = 0; i < 3; i++) writeFileSync(path.join(dir, `p${i}.pdf`), writePdf(letterPages(`Case Number: CM16-000000${i}\n${text}`)));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], settings: { workspacePdfs: false } });
    try {
      const u = 'file:///virtual/open.txt';
      await client.open(u, text);
      const mri = parseLetter(text).items.find((i) => i.title.value.includes('MRI'))!;
      const at = { textDocument: { uri: u }, position: mri.maximusGuideline!.citations[0].range.start };
      const footer = async () => /Cited by [^\n]*/.exec(((await client.request<Hover | null>('textDocument/hover', at))!.contents as MarkupContent).value)?.[0];
      const pdfSymbols = async () =>
        new Set((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'MRI' })).map((sym) => sym.location.uri).filter((uri) => uri.endsWith('.pdf'))).size;
      assert.equal(await footer(), 'Cited by 1 item here: 1 upheld, 0 overturned.', 'the open letter alone, no PDF pending');
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await pdfSymbols(), 0, 'none read in the background');
      assert.equal(await footer(), 'Cited by 1 item here: 1 upheld, 0 overturned.');
      assert.deepEqual(client.progress, [], 'no background reading');
      // Turned on: the next reading starts reading them.
      await client.changeSettings({ workspacePdfs: true });
      assert.match((await footer()) ?? '', /not read yet/);
      for (const deadline = Date.now() + 20_000; (await pdfSymbols()) < 3 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await footer(), 'Cited by 4 items here: 4 upheld, 0 overturned.');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('references read the PDFs not read yet before they answer, and list their items by the PDF\'s file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-refs-pdf-'));
    const text = readSeed('004_a9481a5a1cd48426.txt');
    for (let i = 0; i < 8; i++) writeFileSync(path.join(dir, `p${i}.pdf`), writePdf(letterPages(text)));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const u = pathToFileURL(path.join(dir, 'letter.txt')).href;
      await client.open(u, text);
      const mri = parseLetter(text).items.find((i) => i.title.value.includes('MRI'))!;
      const at = { textDocument: { uri: u }, position: mri.maximusGuideline!.citations[0].range.start, workDoneToken: 'refs-1' };
      const refs = await client.request<Location[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
      const inPdfs = refs.filter((r) => r.uri.endsWith('.pdf'));
      assert.deepEqual(
        inPdfs.map((r) => path.basename(r.uri)),
        Array.from({ length: 8 }, (_, i) => `p${i}.pdf`),
        'each PDF\'s MRI item, in the order of the folder',
      );
      // At the lines of the PDF's text, as imr/pdfText gives it.
      const pdfText = await client.request<DecodeResult>('imr/pdfText', { uri: inPdfs[0].uri });
      assert.ok(pdfText.ok);
      const inPdf = parseLetter(pdfText.text).items.find((i) => i.title.value.includes('MRI'))!;
      assert.deepEqual(inPdfs[0].range, itemTitleRange(inPdf));
      const values = client.progress.filter((p) => p.token === 'refs-1').map((p) => p.value.kind);
      assert.deepEqual([values[0], values.at(-1)], ['begin', 'end']);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a PDF\'s text open under a scheme of the client\'s own takes the place of the PDF in the workspace\'s letters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-ws-pdftext-'));
    const text = readSeed(seedFiles[3]);
    writeFileSync(path.join(dir, 'b.pdf'), writePdf(letterPages(text)));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const names = async (q: string) => (await client.request<SymbolInformation[]>('workspace/symbol', { query: q })).map((sym) => sym.location.uri);
      await client.request('imr/folderSummary', { folderUri: pathToFileURL(dir).href });
      const file = pathToFileURL(path.join(dir, 'b.pdf')).href;
      assert.deepEqual(await names('traction'), [file]);
      // The VS Code client's imr-pdf:/path/b.pdf, edited: it, not the PDF's reading, is the letter.
      const shown = `imr-pdf:${pathToFileURL(path.join(dir, 'b.pdf')).pathname}`;
      await client.open(shown, text.replace(/Mechanical traction/gi, 'Zyxwv traction'));
      assert.deepEqual(await names('traction'), [shown]);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imr/checkFolder publishes every letter\'s diagnostics, PDFs included; open, closed, changed and deleted files follow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-check-'));
    mkdirSync(path.join(dir, 'sub'));
    const texts: Record<string, string> = {
      'a.txt': readSeed(seedFiles[1]),
      'missing-rationale.txt': readSample('malformed-missing-rationale.txt'),
      'sub/conflict.imr': readSample('malformed-conflict.txt'),
    };
    for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, 'unknown.pdf'), writePdf(letterPages(readSample('malformed-unknown-decision.txt'))));
    writeFileSync(path.join(dir, 'notes.txt'), 'Things to ask the adjuster: Upheld?\n');
    // Not text: logged with the reason the command line gives, counted, left out.
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x43, 0x4d, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Case Number: CM16-0213037 \xe9t\xe9\n', 'latin1'));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
    const published = (name: string) => client.diagnostics.get(uriOf(name))?.diagnostics;
    const until = async (what: string, ok: () => boolean) => {
      for (const deadline = Date.now() + 10_000; !ok(); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      }
    };
    try {
      await client.registration('workspace/didChangeWatchedFiles');
      const result = await client.request<FolderCheckResult>('imr/checkFolder', { folderUri: pathToFileURL(dir).href, workDoneToken: 'check-1' });
      // Each letter's diagnostics are lintLetter's of its text, as the CLI gives them; the PDF's of its text.
      const pdfText = await client.request<DecodeResult>('imr/pdfText', { uri: uriOf('unknown.pdf') });
      assert.ok(pdfText.ok);
      const expected: Record<string, unknown[]> = {};
      for (const [name, text] of [...Object.entries(texts), ['unknown.pdf', pdfText.text]]) {
        expected[name] = JSON.parse(JSON.stringify(lintLetter(parseLetter(text), { text, uri: uriOf(name) })));
        assert.deepEqual(published(name), expected[name], name);
      }
      assert.deepEqual(published('a.txt'), [], 'a sound letter is published clean');
      assert.ok(published('missing-rationale.txt')!.some((d) => d.code === 'missing-rationale'));
      assert.ok(published('unknown.pdf')!.some((d) => d.code === 'unknown-decision'));
      assert.equal(published('notes.txt'), undefined, 'not a letter: nothing published');
      const all = Object.values(expected).flat() as Diagnostic[];
      assert.deepEqual(result, {
        files: 7,
        letters: 4,
        lettersWithProblems: 3,
        errors: all.filter((d) => d.severity === DiagnosticSeverity.Error).length,
        warnings: all.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
        information: all.filter((d) => d.severity === DiagnosticSeverity.Information).length,
        hints: all.filter((d) => d.severity === DiagnosticSeverity.Hint).length,
        open: 0,
        unreadable: 2,
      });
      assert.ok(client.logs.some((l) => l.includes('binary.txt: binary file (NUL byte at offset 2)')), client.logs.join('\n'));
      assert.ok(client.logs.some((l) => l.includes('latin1.txt: not valid UTF-8')));
      assert.equal(published('binary.txt'), undefined);
      const kinds = client.progress.filter((p) => p.token === 'check-1').map((p) => p.value);
      assert.deepEqual([kinds[0].kind, kinds.at(-1)!.kind], ['begin', 'end']);
      assert.ok(kinds.some((v) => v.message === '7 of 7 files'));

      // Open and mended in the editor: the editor's diagnostics (of its text); closed: the file's again.
      const mended = readSeed(seedFiles[2]);
      assert.deepEqual(await client.open(uriOf('missing-rationale.txt'), mended), []);
      // Checked while open, it counts as the editor shows it (its mended text), and its problems are not published over the editor's.
      const whileOpen = await client.request<FolderCheckResult>('imr/checkFolder', { folderUri: pathToFileURL(dir).href });
      assert.deepEqual([whileOpen.letters, whileOpen.open, whileOpen.lettersWithProblems], [4, 1, 2]);
      assert.deepEqual(published('missing-rationale.txt'), []);
      await client.close(uriOf('missing-rationale.txt'));
      await until('the file\'s diagnostics after the close', () => (published('missing-rationale.txt')?.length ?? 0) > 0);
      assert.deepEqual(published('missing-rationale.txt'), expected['missing-rationale.txt']);

      // Changed on disk, as the client reports it: checked again. Deleted: cleared.
      writeFileSync(path.join(dir, 'missing-rationale.txt'), mended);
      rmSync(path.join(dir, 'sub', 'conflict.imr'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uriOf('missing-rationale.txt'), type: 2 },
          { uri: uriOf('sub/conflict.imr'), type: 3 },
        ],
      });
      await until('the changed file checked again', () => published('missing-rationale.txt')?.length === 0);
      await until('the deleted file cleared', () => published('sub/conflict.imr')?.length === 0);
      // Checked again, the folder no longer counts them.
      const again = await client.request<FolderCheckResult>('imr/checkFolder', { folderUri: pathToFileURL(dir).href });
      assert.deepEqual([again.files, again.letters, again.lettersWithProblems, again.unreadable], [6, 3, 1, 2]);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imr/folderSummary reports its progress under the client\'s token', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-progress-'));
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `l${i}.txt`), readSeed(seedFiles[i % seedFiles.length]));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a letter\n');
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const result = await client.request<{ letters: unknown[] }>('imr/folderSummary', { folderUri: pathToFileURL(dir).href, workDoneToken: 'summary-1' });
      assert.equal(result.letters.length, 40);
      // The notifications are sent before the answer, and arrive in order.
      const values = client.progress.filter((p) => p.token === 'summary-1').map((p) => p.value);
      assert.equal(values[0].kind, 'begin');
      assert.equal(values.at(-1)!.kind, 'end');
      const reports = values.filter((v) => v.kind === 'report');
      assert.ok(reports.length >= 1);
      assert.equal(reports.at(-1)!.message, '41 of 41 files');
      assert.equal(reports.at(-1)!.percentage, 100);
      const percentages = reports.map((r) => r.percentage ?? 0);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'never going back');
      // Without a token, none.
      const before = client.progress.length;
      await client.request('imr/folderSummary', { folderUri: pathToFileURL(dir).href });
      assert.equal(client.progress.length, before);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with a client that watches files, a letter is read again when the client reports it, not stat\'ed at every reading', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'imr-watch-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.txt'), readSeed(seedFiles[1]));
    writeFileSync(path.join(dir, 'sub', 'b.imr'), readSeed(seedFiles[3]));
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    const report = (changes: Array<{ file: string; type: number }>) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: changes.map((c) => ({ uri: pathToFileURL(c.file).href, type: c.type })),
      });
    const names = async (q: string) =>
      (await client.request<SymbolInformation[]>('workspace/symbol', { query: q })).map((s) => path.basename(s.location.uri)).sort();
    try {
      const registered = await client.registration('workspace/didChangeWatchedFiles');
      assert.deepEqual(registered.registerOptions, { watchers: [{ globPattern: '**/*' }] });
      assert.deepEqual(await names('physical therapy'), ['a.txt']);
      assert.deepEqual(await names('traction'), ['b.imr']);

      const aquatic = readSeed(seedFiles[1]).replace('12 Physical Therapy Treatments', '12 Aquatic Therapy Treatments');
      writeFileSync(path.join(dir, 'a.txt'), aquatic);
      const later = new Date(Date.now() + 5000);
      utimesSync(path.join(dir, 'a.txt'), later, later);
      assert.deepEqual(await names('aquatic'), [], 'unreported, the change is not looked for');
      // A folder summary, asked for and waited on, checks every file all the same (a watcher can miss a change).
      const summary = await client.request<{ letters: Array<{ uri: string; letter: FolderLetter }> }>('imr/folderSummary', {
        folderUri: pathToFileURL(dir).href,
      });
      const titles = summary.letters.flatMap((l) => l.letter.items.map((i) => i.title.value));
      assert.ok(titles.some((t) => /^12 Aquatic\s+Therapy/.test(t)), titles.join(' | '));
      assert.deepEqual(await names('aquatic'), ['a.txt'], 'and what it read serves the next readings');

      writeFileSync(path.join(dir, 'a.txt'), aquatic.replace('Aquatic ', 'Hydrotic'));
      utimesSync(path.join(dir, 'a.txt'), later, later);
      assert.deepEqual(await names('hydrotic'), [], 'unreported again');
      await report([{ file: path.join(dir, 'a.txt'), type: 2 }]);
      assert.deepEqual(await names('hydrotic'), ['a.txt'], 'reported changed, the file is read again');
      assert.deepEqual(await names('aquatic'), []);

      // A folder replaced (a checkout, a move) may be reported as one event for the folder.
      rmSync(path.join(dir, 'sub'), { recursive: true });
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'sub', 'b.imr'), readSeed(seedFiles[2]));
      await report([
        { file: path.join(dir, 'sub'), type: 3 },
        { file: path.join(dir, 'sub'), type: 1 },
      ]);
      assert.deepEqual(await names('traction'), [], 'what was read under the folder is read again');
      assert.deepEqual(await names('sacrococcygeal'), ['b.imr']);

      // Folders are listed at every reading: files added or removed count even unreported.
      writeFileSync(path.join(dir, 'c.txt'), readSeed(seedFiles[3]));
      rmSync(path.join(dir, 'a.txt'));
      assert.deepEqual(await names('traction'), ['c.txt']);
      assert.deepEqual(await names('hydrotic'), []);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a client that never answers workspace/configuration', { skip: serverSkip }, () => {
  test('the server waits so long, then checks and answers with the defaults, and asks again after didChangeConfiguration', async () => {
    await withClient({ answerConfiguration: false, env: { IMR_SETTINGS_TIMEOUT_MS: '300' }, settings: { rules: { 'missing-rationale': 'off' } } }, async (c) => {
      const text = readSample('malformed-missing-rationale.txt');
      const u = uri('unanswered');
      // The default severities, since the client's settings never came.
      const ds = await c.open(u, text);
      assert.deepEqual(ds.map((d) => d.code), ['missing-rationale']);
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: ds[0].range, context: { diagnostics: ds } });
      assert.ok(actions.length > 0);
      const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 4, insertSpaces: true } });
      assert.ok(Array.isArray(edits));
      // A second document does not wait again.
      const u2 = uri('unanswered');
      const started = Date.now();
      assert.deepEqual((await c.open(u2, text)).map((d) => d.code), ['missing-rationale']);
      assert.ok(Date.now() - started < 300, `${Date.now() - started} ms`);
      assert.equal(c.logs.filter((l) => /did not answer/.test(l)).length, 1, c.logs.join('\n'));
      // After a change of settings it asks again; answered now, the settings hold.
      const asked = c.configurationRequests;
      c.answerConfiguration = true;
      const wait = c.waitForDiagnostics(u);
      await c.changeSettings({ rules: { 'missing-rationale': 'off' } });
      assert.deepEqual((await wait).diagnostics, []);
      assert.ok(c.configurationRequests > asked);
    });
  });
});

describe('imr/letterChanged', { skip: serverSkip }, () => {
  test('goes only to clients that opt in (initializationOptions.letterChanged)', async () => {
    for (const letterChanged of [false, true]) {
      await withClient({ letterChanged }, async (c) => {
        const u = uri('changed');
        await c.open(u, seed);
        const wait = c.waitForDiagnostics(u, 2);
        await c.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
        await wait;
        assert.deepEqual(c.letterChanged.map((x) => x.version), letterChanged ? [1, 2] : []);
      });
    }
    // Nor to the barest client.
    await withClient({ bare: true }, async (c) => {
      await c.open(uri('changed'), seed);
      assert.deepEqual(c.letterChanged, []);
    });
  });

  test('the VS Code client opts in', async () => {
    const source = readFileSync(path.join(repoRoot, 'client', 'languageClient.ts'), 'utf8');
    assert.match(source, /initializationOptions:\s*\{\s*letterChanged:\s*true\s*\}/);
  });
});

describe('malformed requests', { skip: serverSkip }, () => {
  test('params without the shape LSP requires answer InvalidParams, with no stack in the log; well-formed ones about unknown documents answer empty', async () => {
    await withClient({}, async (c) => {
      const u = uri('params');
      await c.open(u, seed);
      const td = { textDocument: { uri: u } };
      const pos = { line: 0, character: 0 };
      const range = { start: pos, end: { line: 5, character: 0 } };
      const bad: Array<[string, unknown]> = [
        ['textDocument/hover', { ...td, position: null }],
        ['textDocument/hover', { ...td }],
        ['textDocument/hover', { textDocument: {}, position: pos }],
        ['textDocument/hover', { textDocument: { uri: 5 }, position: pos }],
        ['textDocument/hover', { ...td, position: { line: '1', character: 0 } }],
        ['textDocument/hover', { ...td, position: { line: -1, character: 0 } }],
        ['textDocument/hover', null],
        ['textDocument/hover', undefined],
        ['textDocument/selectionRange', { ...td, positions: 'x' }],
        ['textDocument/selectionRange', { ...td, positions: [pos, { line: 1 }] }],
        ['workspace/symbol', { query: 5 }],
        ['workspace/symbol', {}],
        ['textDocument/inlayHint', { ...td }],
        ['textDocument/inlayHint', { ...td, range: { start: pos } }],
        ['textDocument/semanticTokens/range', { ...td }],
        ['textDocument/documentSymbol', {}],
        ['textDocument/foldingRange', { textDocument: null }],
        ['textDocument/documentLink', { textDocument: 'x' }],
        ['textDocument/semanticTokens/full', {}],
        ['textDocument/references', { ...td, position: pos }],
        ['textDocument/documentHighlight', { ...td, position: [] }],
        ['textDocument/definition', { ...td }],
        ['textDocument/codeAction', { ...td, range }],
        ['textDocument/codeAction', { ...td, range, context: { diagnostics: 'none' } }],
        ['textDocument/completion', { ...td, position: 'start' }],
        ['textDocument/formatting', { ...td }],
      ];
      for (const [method, params] of bad) {
        const r = await errorOf(c.request(method, params));
        assert.equal(r.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(r)}`);
        assert.ok(r.message && r.message.length < 200 && !/\n\s+at /.test(r.message), r.message);
      }
      assert.deepEqual(c.logs.filter((l) => /TypeError|\n\s+at |failed/.test(l)), []);
      // Well-formed, on a document not open: empty, as before.
      const gone = { textDocument: { uri: 'file:///never-opened.txt' } };
      assert.equal(await c.request('textDocument/hover', { ...gone, position: pos }), null);
      assert.deepEqual(await c.request('textDocument/inlayHint', { ...gone, range }), []);
      assert.deepEqual(await c.request('textDocument/selectionRange', { ...gone, positions: [pos] }), []);
      assert.deepEqual(await c.request('workspace/symbol', { query: 'x' }), []);
      // The custom requests read their params leniently: null, not an error.
      assert.equal(await c.request('imr/letter', null), null);
      assert.equal(await c.request('imr/itemContext', { uri: 5 }), null);
      // And the document open still answers.
      assert.ok((await c.request<unknown[]>('textDocument/documentSymbol', td)).length > 0);
    });
  });
});

describe('answers in the forms the client supports', { skip: serverSkip }, () => {
  test('document symbols: flat SymbolInformation[] with containers for a client without hierarchical support', async () => {
    const u = uri('symbols');
    const tree = await withClient({}, async (c) => {
      await c.open(u, seed);
      return c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    });
    assert.ok(tree.some((s) => s.children?.length), 'a tree for a client that takes one');
    const expected: SymbolInformation[] = [];
    const walk = (symbols: DocumentSymbol[], container?: string) => {
      for (const s of symbols) {
        expected.push({ name: s.name, kind: s.kind, location: { uri: u, range: s.range }, ...(container ? { containerName: container } : {}) });
        walk(s.children ?? [], s.name);
      }
    };
    walk(tree);
    for (const documentSymbol of [{ hierarchicalDocumentSymbolSupport: false }, {}]) {
      await withClient({ textDocument: { documentSymbol } }, async (c) => {
        await c.open(u, seed);
        const flat = await c.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
        assert.deepEqual(flat, expected, JSON.stringify(documentSymbol));
      });
    }
    // The barest client (no capabilities at all) gets the flat list too.
    await withClient({ bare: true }, async (c) => {
      await c.open(u, seed);
      assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri: u } }), expected);
    });
  });

  test('hovers in plain text for a client that takes only plain text: the same words, no Markdown', async () => {
    // A title with Markdown's characters in it: a plain-text hover shows them as written, with no escapes.
    const title = parseLetter(seed).items[0].title.value;
    const odd = '12 Physical *Therapy* [x](https://example.com/a_b) `c` \\ Treatments';
    const text = replaceOnce(seed, title, odd);
    const model = parseLetter(text);
    const u = uri('hover');
    const places: Position[] = [
      model.items[0].title.range.start,
      model.items[0].decisionText!.range.start,
      ...model.items.flatMap((i) => (i.maximusGuideline?.citations ?? []).map((c) => c.range.start)),
      ...model.items.flatMap((i) => (i.rationale ? [i.rationale.labelRange.start] : [])),
    ];
    const hovers = async (options: LspClientOptions) =>
      withClient(options, async (c) => {
        await c.open(u, text);
        const out: MarkupContent[] = [];
        for (const position of places) {
          const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position });
          assert.ok(h, `a hover at ${JSON.stringify(position)}`);
          out.push(h.contents as MarkupContent);
        }
        return out;
      });
    const markdown = await hovers({});
    assert.ok(markdown.every((m) => m.kind === 'markdown'));
    // A link of our own (the title's is escaped: "\[x\](https:...").
    const ourLink = /(?<!\\)\[((?:\\.|[^\]\\])+)\]\((https?:[^)]+)\)/;
    assert.ok(markdown.some((m) => ourLink.test(m.value)), 'a hover with a link');
    for (const contentFormat of [['plaintext'], ['plaintext', 'markdown']]) {
      const plain = await hovers({ textDocument: { hover: { contentFormat } } });
      plain.forEach((p, i) => {
        assert.equal(p.kind, 'plaintext');
        assert.deepEqual(words(p.value), words(markdown[i].value), `the same words: ${p.value}`);
        // The letter's own text (the title) may hold Markdown's characters: the rest may not.
        const ours = p.value.split(odd).join('');
        assert.doesNotMatch(ours, /\*\*|`|\\|\]\(|<https?:|^---$/m, p.value);
      });
      assert.match(plain[0].value, new RegExp(`^${odd.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: Upheld`));
      assert.match(plain[1].value, /^Upheld: the utilization review denial stands\./);
      const linked = markdown.findIndex((m) => ourLink.test(m.value));
      const [, label, url] = ourLink.exec(markdown[linked].value)!;
      assert.ok(plain[linked].value.includes(`${label.replace(/\\(.)/g, '$1')} (${url})`), plain[linked].value);
    }
    // A client that prefers Markdown, or does not say, gets Markdown.
    assert.deepEqual(await hovers({ textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } }), markdown);
    assert.deepEqual(await hovers({ textDocument: {} }), markdown);
  });

  test('code actions: commands that apply the fix through workspace/applyEdit for a client without code action literals', async () => {
    let text = readSample('malformed-missing-rationale.txt');
    const u = uri('fix');
    const params = (d: Diagnostic) => ({ textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
    // As a client with literals (VS Code) gets them: the edits to compare with.
    const literals = await withClient({}, async (c) => {
      const [d] = await c.open(u, text);
      return c.request<CodeAction[]>('textDocument/codeAction', params(d));
    });
    assert.ok(literals.length > 0 && literals.every((a) => a.edit && !a.command));
    await withClient({ textDocument: { codeAction: {} }, workspace: { applyEdit: true } }, async (c) => {
      const [d] = await c.open(u, text);
      const commands = await c.request<Command[]>('textDocument/codeAction', params(d));
      assert.deepEqual(commands.map((x) => x.title), literals.map((a) => a.title));
      assert.ok(commands.every((x) => typeof x.command === 'string' && !('edit' in x) && !('kind' in x)), JSON.stringify(commands));
      const fix = commands[literals.findIndex((a) => a.isPreferred)];
      assert.equal(await c.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), null);
      assert.deepEqual(c.appliedEdits, [literals.find((a) => a.isPreferred)!.edit]);
      text = applyEdits(text, (c.appliedEdits[0] as WorkspaceEdit).changes![u] as TextEdit[]);
      const wait = c.waitForDiagnostics(u, 2);
      await c.change(u, [{ text }]);
      assert.deepEqual((await wait).diagnostics, []);
      // A command offered for a version of the letter that has changed since applies nothing.
      const stale = await errorOf(c.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }));
      assert.equal(stale.code, -32801, JSON.stringify(stale));
      assert.equal(c.appliedEdits.length, 1);
    });
    // The command is announced only to the clients that get commands.
    const { client: vscodeLike, init } = await LspClient.start({});
    await vscodeLike.stop();
    assert.equal(init.capabilities.executeCommandProvider, undefined);
    const { client: old, init: oldInit } = await LspClient.start({ textDocument: { codeAction: {} }, workspace: { applyEdit: true } });
    await old.stop();
    assert.ok(oldInit.capabilities.executeCommandProvider?.commands.length === 1);
    // A client that can take neither literals nor edits the server applies gets none.
    await withClient({ textDocument: { codeAction: {} } }, async (c) => {
      const [d] = await c.open(u, readSample('malformed-missing-rationale.txt'));
      assert.deepEqual(await c.request('textDocument/codeAction', params(d)), []);
    });
  });
});
