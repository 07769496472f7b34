// The language server over a workspace folder of 10,000 letters: the first reading of the folder (a workspace-symbol
// search), later searches, citation hovers (their "cited by N items here" figures read the whole folder), the
// folder summary, and the server's memory. Once with a client that watches files for the server (VS Code, most
// editors), once with one that does not (each reading then checks every file's mtime and size).
// Talks to dist/server.js over stdio with a real JSON-RPC client. Figures only.
// Options (environment): BENCH_FILES (default 10000), BENCH_HOVERS (default 20).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { bundle, copyLetters, fixed, mb, root, rssMb } from './common.mjs';

const total = Number(process.env.BENCH_FILES ?? 10000);
const hovers = Number(process.env.BENCH_HOVERS ?? 20);
const server = path.join(root, 'dist', 'server.js');

const work = mkdtempSync(path.join(tmpdir(), 'imr-workspace-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
const { folders, bytes } = copyLetters(work, total);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];

async function timedRequest(conn, method, params) {
  const t0 = performance.now();
  const result = await conn.sendRequest(method, params);
  return { ms: performance.now() - t0, result };
}

async function run(watchFiles) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ rules: {} })));
  let registered;
  const watching = new Promise((resolve) => (registered = resolve));
  conn.onRequest('client/registerCapability', (p) => {
    if (p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles')) setImmediate(registered);
    return null;
  });
  conn.onNotification('textDocument/publishDiagnostics', () => {});
  conn.listen();
  const folderUri = pathToFileURL(work).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'letters' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: watchFiles } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await conn.sendNotification('initialized', {});
  if (watchFiles) await watching;

  const first = await timedRequest(conn, 'workspace/symbol', { query: 'facet' });
  const rssAfterReading = rssMb(child.pid);
  const searches = [];
  for (let i = 0; i < 10; i++) searches.push((await timedRequest(conn, 'workspace/symbol', { query: 'facet' })).ms);

  // A letter with a MAXIMUS citation, open in the editor; hovers on that citation.
  const file = path.join(folders[0], readdirSync(folders[0]).sort()[1]);
  const uri = pathToFileURL(file).href;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version: 1, text: readFileSync(file, 'utf8') } });
  const model = await conn.sendRequest('imr/letter', { uri });
  const citation = model.items.flatMap((i) => i.maximusGuideline?.citations ?? [])[0];
  const hoverTimes = [];
  let citedBy = '';
  for (let i = 0; i < hovers; i++) {
    const h = await timedRequest(conn, 'textDocument/hover', { textDocument: { uri }, position: citation.range.start });
    hoverTimes.push(h.ms);
    citedBy = /Cited by [^.\n]*/.exec(h.result?.contents?.value ?? '')?.[0] ?? '(no folder figures)';
  }

  const summary = await timedRequest(conn, 'imr/folderSummary', { folderUri });
  const summaryMb = mb(Buffer.byteLength(JSON.stringify(summary.result)));
  const rssEnd = rssMb(child.pid);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => child.on('exit', r));
  conn.dispose();

  console.log(watchFiles ? 'client watches files (VS Code):' : 'client does not watch files:');
  console.log(`  first reading (a workspace-symbol search): ${fixed(first.ms / 1000, 2)} s, ${first.result.length} symbols found`);
  console.log(`  later searches: median ${fixed(median(searches))} ms`);
  console.log(`  citation hover: median ${fixed(median(hoverTimes))} ms, p95 ${fixed(p95(hoverTimes))} ms over ${hovers} (${citedBy})`);
  console.log(`  imr/folderSummary: ${fixed(summary.ms / 1000, 2)} s, ${fixed(summaryMb)} MB of JSON, ${summary.result.letters.length} letters`);
  console.log(`  server RSS after the first reading ${fixed(rssAfterReading)} MB, at the end ${fixed(rssEnd)} MB`);
  return summary.result.letters;
}

// What the extension does with the folder summary's answer: rows, breakdowns, filters and a page of HTML, with
// the client's own modules (they are pure: no vscode import).
const panel = createRequire(import.meta.url)(await bundle('scripts/bench/folderPanel.entry.ts', 'folderPanel.js'));

function panelFigures(letters) {
  let t0 = performance.now();
  const summaries = panel.summarizeFolder(letters);
  const rows = panel.folderRows(summaries);
  const built = performance.now() - t0;
  const render = (filter) => {
    const t = performance.now();
    const kept = panel.filterRows(rows, filter);
    const html = panel.renderFolderBody({ folderName: 'letters', rows, letters: summaries.length, filter, kept, limit: panel.folderPageSize });
    return { ms: performance.now() - t, kept: kept.length, kb: Buffer.byteLength(html) / 1000 };
  };
  const filters = [
    ['no filter', panel.noFilter],
    ['the words "lumbar mri"', { ...panel.noFilter, text: 'lumbar mri' }],
    ['the group ODG', { ...panel.noFilter, groups: { guideline: 'ODG' } }],
    ['Overturned', { ...panel.noFilter, decision: 'Overturned' }],
  ];
  console.log(`folder summary panel (extension side): ${rows.length.toLocaleString('en-US')} items summarised in ${fixed(built)} ms`);
  for (const [name, filter] of filters) {
    render(filter); // the first run fills the per-row caches and warms the code
    const r = render(filter);
    console.log(`  ${name}: ${r.kept.toLocaleString('en-US')} items kept, filtered and rendered in ${fixed(r.ms)} ms, ${fixed(r.kb)} kB of HTML`);
  }
}

console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((x) => fixed(x)).join(' ')}`);
console.log(`workspace: ${total.toLocaleString('en-US')} letters, ${fixed(mb(bytes))} MB, in ${folders.length} folders`);
const letters = await run(true);
await run(false);
panelFigures(letters);
