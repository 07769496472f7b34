// The language server over a workspace folder of 10,000 letters: the first reading of the folder (a workspace-symbol
// search), later searches, citation hovers (their "cited by N items here" figures read the whole folder), the
// folder summary, and the server's memory. Once with a client that watches files for the server (VS Code, most
// editors), once with one that does not (each reading then checks every file's mtime and size).
// Then a workspace of PDFs: the server reads them in the background, one at a time, while it answers symbol searches
// and hovers; how long those take meanwhile, how long the reading takes, and references once it is done.
// Talks to dist/server.js over stdio with a real JSON-RPC client. Figures only.
// Options (environment): BENCH_FILES (default 10000), BENCH_HOVERS (default 20), BENCH_PDFS (default 600).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { bundle, copyLetters, descendants, fixed, letterFiles, mb, pdfSources, root, rssMb } from './common.mjs';

const total = Number(process.env.BENCH_FILES ?? 10000);
const hovers = Number(process.env.BENCH_HOVERS ?? 20);
const pdfCount = Number(process.env.BENCH_PDFS ?? 600);
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

/** dist/server.js over stdio, initialized on `folder`; resolves once it watches files, when the client does. */
async function startServer(folder, watchFiles, onProgress = () => {}) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ rules: {} })));
  let registered;
  const watching = new Promise((resolve) => (registered = resolve));
  conn.onRequest('client/registerCapability', (p) => {
    if (p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles')) setImmediate(registered);
    return null;
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', onProgress);
  conn.onNotification('textDocument/publishDiagnostics', () => {});
  conn.listen();
  const folderUri = pathToFileURL(folder).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'letters' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: watchFiles } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await conn.sendNotification('initialized', {});
  if (watchFiles) await watching;
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await new Promise((r) => child.on('exit', r));
    conn.dispose();
  };
  return { child, conn, folderUri, stop };
}

/** Opens a letter and returns the position of its first MAXIMUS citation. */
async function openWithCitation(conn, file) {
  const uri = pathToFileURL(file).href;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version: 1, text: readFileSync(file, 'utf8') } });
  const model = await conn.sendRequest('imr/letter', { uri });
  const citation = model.items.flatMap((i) => i.maximusGuideline?.citations ?? [])[0];
  return { textDocument: { uri }, position: citation.range.start };
}

async function run(watchFiles) {
  const { child, conn, folderUri, stop } = await startServer(work, watchFiles);

  const first = await timedRequest(conn, 'workspace/symbol', { query: 'facet' });
  const rssAfterReading = rssMb(child.pid);
  const searches = [];
  for (let i = 0; i < 10; i++) searches.push((await timedRequest(conn, 'workspace/symbol', { query: 'facet' })).ms);

  // A letter with a MAXIMUS citation, open in the editor; hovers on that citation.
  const at = await openWithCitation(conn, path.join(folders[0], readdirSync(folders[0]).sort()[1]));
  const hoverTimes = [];
  let citedBy = '';
  for (let i = 0; i < hovers; i++) {
    const h = await timedRequest(conn, 'textDocument/hover', at);
    hoverTimes.push(h.ms);
    citedBy = /Cited by [^.\n]*/.exec(h.result?.contents?.value ?? '')?.[0] ?? '(no folder figures)';
  }

  const summary = await timedRequest(conn, 'imr/folderSummary', { folderUri });
  const summaryMb = mb(Buffer.byteLength(JSON.stringify(summary.result)));
  // Check Letters in Folder, with a hover every 100 ms meanwhile: the check publishes every letter's diagnostics.
  let publishedCount = 0;
  conn.onNotification('textDocument/publishDiagnostics', () => publishedCount++);
  const duringCheck = [];
  let checking = true;
  const hovering = (async () => {
    while (checking) {
      duringCheck.push((await timedRequest(conn, 'textDocument/hover', at)).ms);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const check = await timedRequest(conn, 'imr/checkFolder', { folderUri });
  checking = false;
  await hovering;
  const rssAfterCheck = rssMb(child.pid);
  const rssEnd = rssMb(child.pid);
  await stop();

  console.log(watchFiles ? 'client watches files (VS Code):' : 'client does not watch files:');
  console.log(`  first reading (a workspace-symbol search): ${fixed(first.ms / 1000, 2)} s, ${first.result.length} symbols found`);
  console.log(`  later searches: median ${fixed(median(searches))} ms`);
  console.log(`  citation hover: median ${fixed(median(hoverTimes))} ms, p95 ${fixed(p95(hoverTimes))} ms over ${hovers} (${citedBy})`);
  console.log(`  imr/folderSummary: ${fixed(summary.ms / 1000, 2)} s, ${fixed(summaryMb)} MB of JSON, ${summary.result.letters.length} letters`);
  console.log(`  imr/checkFolder: ${fixed(check.ms / 1000, 2)} s, ${check.result.letters} letters, ${check.result.warnings + check.result.errors} problems, ${publishedCount} publishDiagnostics; hovers meanwhile median ${fixed(median(duringCheck))} ms, p95 ${fixed(p95(duringCheck))} ms (${duringCheck.length})`);
  console.log(`  server RSS after the first reading ${fixed(rssAfterReading)} MB, after the folder summary ${fixed(rssEnd)} MB, after the check ${fixed(rssAfterCheck)} MB`);
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
/**
 * A workspace of PDFs and one text letter, open: symbol searches and hovers while the server reads the PDFs in the
 * background (each answers at once, with what is read so far), until the hover no longer says any is left; then
 * Find All References and a hover, all read. The PDF readers' memory is that of the server's child processes.
 */
async function runPdfs() {
  const { sources, fromCorpus } = await pdfSources();
  const dir = path.join(work, 'pdfs');
  mkdirSync(dir);
  for (let i = 0; i < pdfCount; i++) writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${sources[i % sources.length].name}`), sources[i % sources.length].bytes);
  const letter = path.join(dir, 'open-letter.txt');
  // The text of the first PDF's letter: its citations are those of every sixth PDF.
  writeFileSync(letter, readFileSync(path.join(letterFiles().dir, sources[0].name.replace(/\.pdf$/, '.txt'))));
  const progress = [];
  const { child, conn, stop } = await startServer(dir, true, (p) => progress.push({ at: performance.now(), kind: p.value.kind }));
  const at = await openWithCitation(conn, letter);
  const start = performance.now();
  const query = 'a';
  const first = await timedRequest(conn, 'workspace/symbol', { query });
  const during = { hovers: [], searches: [] };
  let left = '';
  let lastHover;
  for (;;) {
    const h = await timedRequest(conn, 'textDocument/hover', at);
    lastHover = h.result?.contents?.value ?? '';
    left = /(\d+) PDFs? of the workspace not read yet/.exec(lastHover)?.[1];
    if (!left) break;
    during.hovers.push(h.ms);
    during.searches.push((await timedRequest(conn, 'workspace/symbol', { query })).ms);
    await new Promise((r) => setTimeout(r, 100));
  }
  const readAll = performance.now() - start;
  const readers = descendants(child.pid).map(rssMb);
  const refs = await timedRequest(conn, 'textDocument/references', { ...at, context: { includeDeclaration: true } });
  const after = await timedRequest(conn, 'textDocument/hover', at);
  const search = await timedRequest(conn, 'workspace/symbol', { query });
  const rss = rssMb(child.pid);
  await stop();
  const begun = progress.find((p) => p.kind === 'begin');
  console.log(`a workspace of ${pdfCount} PDFs (${fromCorpus ? 'copies of the corpus PDFs' : 'the seeds printed as PDFs'}) and one text letter, open:`);
  console.log(`  first symbol search: ${fixed(first.ms)} ms, ${first.result.length} symbols (the PDFs not read yet)`);
  console.log(`  while the PDFs are read in the background: citation hover median ${fixed(median(during.hovers))} ms, p95 ${fixed(p95(during.hovers))} ms; symbol search median ${fixed(median(during.searches))} ms, p95 ${fixed(p95(during.searches))} ms (${during.hovers.length} of each)`);
  console.log(`  every PDF read ${fixed(readAll / 1000, 2)} s after the first search (${fixed(readAll / pdfCount, 1)} ms a PDF); progress shown ${begun ? `${fixed((begun.at - start) / 1000, 2)} s in` : 'never'}`);
  console.log(`  then: references ${fixed(refs.ms)} ms (${refs.result.length} locations), hover ${fixed(after.ms)} ms (${/Cited by [^.\n]*/.exec(after.result?.contents?.value ?? '')?.[0]}), symbol search ${fixed(search.ms)} ms (${search.result.length} symbols)`);
  console.log(`  server RSS ${fixed(rss)} MB; PDF readers ${readers.map((r) => `${fixed(r)} MB`).join(', ') || 'none left'}`);
}

const letters = await run(true);
await run(false);
panelFigures(letters);
await runPdfs();
