// Letters hold medical and personal data: nothing the product runs may reach the network. The language server and
// the CLI run here with a preloaded guard (test/support/networkGuard.cjs) that records every attempt (HTTP, sockets
// other than local pipes, DNS, UDP, fetch, WebSocket) on stderr and in a log file (the PDF reader's child process
// has no stderr), through every feature; and the shipped bundles are read for the modules and globals that could
// reach it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { LetterModel } from '../../core/model';
import { distDir, repoRoot, skipUnless } from '../support/env';
import { LspClient } from '../support/lspClient';
import { letterPages, writePdf } from '../support/minimalPdf';

const guard = path.join(repoRoot, 'test', 'support', 'networkGuard.cjs');
const guardEnv = (log: string) => ({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${guard}`.trim(), IMR_NETWORK_GUARD_LOG: log });
const builtSkip = skipUnless(['server.js', 'cli.js', 'extension.js', 'pdf.js'].every((f) => existsSync(path.join(distDir, f))), 'dist/ is not built (npm run build)');
const samplesDir = path.join(repoRoot, 'samples');
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.txt'));

function attempts(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('NETWORK ATTEMPT'));
}

describe('nothing leaves the machine', { skip: builtSkip }, () => {
  let folder: string;
  let pdfFolder: string;
  let logs: string;
  before(() => {
    logs = mkdtempSync(path.join(tmpdir(), 'imr-privacy-log-'));
    folder = mkdtempSync(path.join(tmpdir(), 'imr-privacy-'));
    // Enough letters for the CLI to start worker threads (--jobs 2 from 8 files on).
    for (let k = 0; k < 3; k++) for (const f of samples) copyFileSync(path.join(samplesDir, f), path.join(folder, `${k}-${f}`));
    pdfFolder = mkdtempSync(path.join(tmpdir(), 'imr-privacy-pdf-'));
    for (let k = 0; k < 2; k++) for (const f of samples) writeFileSync(path.join(pdfFolder, `${k}-${f}.pdf`), writePdf(letterPages(readFileSync(path.join(samplesDir, f), 'utf8'))));
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(pdfFolder, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });

  test('the language server, through every feature, over a workspace folder', async () => {
    const log = path.join(logs, 'server.log');
    const { client } = await LspClient.start({ workspaceFolders: [pathToFileURL(folder).href], env: guardEnv(log) });
    try {
      for (const f of samples) {
        const uri = pathToFileURL(path.join(folder, `0-${f}`)).href;
        const text = readFileSync(path.join(samplesDir, f), 'utf8');
        await client.open(uri, text);
        const td = { textDocument: { uri } };
        const model = await client.request<LetterModel | null>('imr/letter', { uri });
        assert.ok(model?.items.length, f);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td);
        assert.ok(symbols.length > 0);
        await client.request('textDocument/foldingRange', td);
        await client.request('textDocument/documentLink', td);
        for (const item of model.items) {
          const citations = [...(item.claimsAdministratorGuideline?.citations ?? []), ...(item.maximusGuideline?.citations ?? [])];
          for (const position of [item.title.range.start, ...(item.decisionText ? [item.decisionText.range.start] : []), ...citations.map((c) => c.range.start)]) {
            await client.request('textDocument/hover', { ...td, position });
            await client.request('textDocument/completion', { ...td, position });
            await client.request('textDocument/selectionRange', { ...td, positions: [position] });
          }
          await client.request('textDocument/codeAction', { ...td, range: item.range, context: { diagnostics: client.diagnostics.get(uri)?.diagnostics ?? [] } });
        }
      }
      const found = await client.request<unknown[]>('workspace/symbol', { query: 'therapy' });
      assert.ok(found.length >= samples.length, 'the folder\'s letters were read');
      const summary = await client.request<{ letters: unknown[] }>('imr/folderSummary', { folderUri: pathToFileURL(folder).href });
      assert.equal(summary.letters.length, samples.length * 3, 'the folder summary read every letter');
      // Letters as PDFs: pdf.js in the server, for one PDF's text and for a folder summary of PDFs.
      const pdfText = await client.request<{ ok: boolean }>('imr/pdfText', { uri: pathToFileURL(path.join(pdfFolder, `0-${samples[0]}.pdf`)).href });
      assert.equal(pdfText.ok, true);
      const pdfSummary = await client.request<{ letters: unknown[] }>('imr/folderSummary', { folderUri: pathToFileURL(pdfFolder).href });
      assert.equal(pdfSummary.letters.length, samples.length * 2, 'the folder summary read every PDF');
    } finally {
      await client.stop();
    }
    const stderr = client.logs.join('');
    assert.match(stderr, /network guard active \(main thread\)/, 'the guard ran in the server');
    assert.deepEqual(attempts(stderr), []);
    const logged = readFileSync(log, 'utf8');
    assert.match(logged, /network guard active \(PDF reader process\)/, 'the guard ran in the PDF reader');
    assert.deepEqual(attempts(logged), []);
  });

  test('the command line, each command and format, in the main thread and on worker threads', () => {
    const runs = [
      ['lint', folder],
      ['lint', '--format', 'json', '--jobs', '2', folder],
      ['lint', '--format', 'sarif', '--jobs', '0', folder],
      ['table', '--jobs', '2', folder],
      ['summary', '--jobs', '2', folder],
      ['parse', path.join(folder, `0-${samples[0]}`)],
      // Letters as PDFs: pdf.js reads them, in the main thread and on workers.
      ['lint', '--jobs', '0', pdfFolder],
      ['table', '--jobs', '2', pdfFolder],
      ['text', path.join(pdfFolder, `0-${samples[0]}.pdf`)],
    ];
    for (const [i, args] of runs.entries()) {
      const log = path.join(logs, `cli-${i}.log`);
      const r = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...guardEnv(log) } });
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      assert.match(r.stderr, /network guard active \(main thread\)/, 'the guard ran');
      if (args.includes('2')) assert.match(r.stderr, /network guard active \(worker thread\)/, 'the guard ran in the workers');
      assert.deepEqual(attempts(r.stderr), [], args.join(' '));
      // Every PDF was read (a file that could not be would have its line on stderr).
      if (args.some((a) => a.startsWith(pdfFolder))) {
        assert.doesNotMatch(r.stderr, /^imr-letters: /m, args.join(' '));
        const logged = readFileSync(log, 'utf8');
        assert.match(logged, /network guard active \(PDF reader process\)/, `${args.join(' ')}: the guard ran in the PDF reader`);
        assert.deepEqual(attempts(logged), [], args.join(' '));
      }
    }
  });

  test('the bundles use no network module or global, except the LSP transport\'s local pipes', () => {
    const bundles = ['cli.js', 'server.js', 'extension.js', 'pdf.js'].map((f) => path.join(distDir, f));
    bundles.push(...readdirSync(path.join(repoRoot, 'media')).filter((f) => f.endsWith('.js')).map((f) => path.join(repoRoot, 'media', f)));
    for (const file of bundles) {
      const code = readFileSync(file, 'utf8');
      const name = path.relative(repoRoot, file);
      for (const mod of ['http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici']) {
        assert.ok(!new RegExp(`require\\("(?:node:)?${mod}"\\)|from "(?:node:)?${mod}"`).test(code), `${name} loads ${mod}`);
      }
      for (const global of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon']) assert.ok(!code.includes(global), `${name} uses ${global}`);
      // fetch only as a method's name (`this.fetch(`, `fetch(uri) {`, pdf.js's `async fetch({name:e}){`), never the
      // global: after the parameters' closing parenthesis comes the method's body.
      for (const m of code.matchAll(/(^|[^.\w$])fetch\s*\(/g)) {
        const from = m.index + m[0].length;
        let depth = 1;
        let end = from;
        for (; end < code.length && depth > 0 && end < from + 200; end++) depth += code[end] === '(' ? 1 : code[end] === ')' ? -1 : 0;
        assert.match(code.slice(end, end + 5), /^\s*\{/, `${name} calls fetch(${code.slice(from, from + 30)}...)`);
      }
      // `net` is what vscode-jsonrpc speaks LSP over pipes and sockets with; nothing else of ours may load it.
      for (const m of code.matchAll(/require\("(?:node:)?net"\)/g)) {
        const before = code.slice(0, m.index);
        const from = before.lastIndexOf('\n// ');
        assert.match(code.slice(from, code.indexOf('\n', from + 1)), /node_modules\/vscode-jsonrpc\//, `${name}: net loaded outside vscode-jsonrpc`);
      }
    }
  });
});

// The webview's own rule for the network is its Content-Security-Policy (test/unit/webview.test.ts).
