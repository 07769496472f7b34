// The language server under typing: start → first diagnostics, didChange → publishDiagnostics latency
// (one character per change into the largest corpus letter, debounce included), and memory over 10,000 edits.
// Talks to dist/server.js over stdio with a real JSON-RPC client. Figures only; targets are printed beside them.
// Options (environment): BENCH_EDITS (default 10000), BENCH_STARTS (default 7).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { fixed, letterFiles, root, rssMb } from './common.mjs';

const edits = Number(process.env.BENCH_EDITS ?? 10000);
const starts = Number(process.env.BENCH_STARTS ?? 7);
const server = path.join(root, 'dist', 'server.js');
const { dir } = letterFiles();
const largest = path.join(dir, '065_CM16-0248698.txt');
const letterPath = existsSync(largest) ? largest : letterFiles().files.at(-1);
const text = readFileSync(letterPath, 'utf8');
const uri = 'file:///bench/letter.txt';

function startServer() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.version);
    if (w) {
      waiters.delete(p.version);
      w(p);
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ rules: {} })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const diagnostics = (version) => new Promise((resolve) => waiters.set(version, resolve));
  return { t0, child, conn, diagnostics };
}

async function initialize(s) {
  await s.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await s.conn.sendNotification('initialized', {});
}

async function stop(s) {
  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  await new Promise((r) => s.child.on('exit', r));
  s.conn.dispose();
}


// CPU time a process has used (user + system), from /proc: what the figures would be on an idle machine, roughly.
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// The floor: a bare node process answering on stdout, on this machine, now.
async function bareNodeMs() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => child.stdout.once('data', r));
  const ms = performance.now() - t0;
  await new Promise((r) => child.on('exit', r));
  return ms;
}

// 1. Start → first diagnostics of the largest letter.
const startTimes = [];
const startCpu = [];
const initTimes = [];
const floorTimes = [];
for (let i = 0; i < starts; i++) {
  floorTimes.push(await bareNodeMs());
  const s = startServer();
  await initialize(s);
  initTimes.push(performance.now() - s.t0);
  const first = s.diagnostics(1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version: 1, text } });
  await first;
  startTimes.push(performance.now() - s.t0);
  startCpu.push(cpuMs(s.child.pid));
  await stop(s);
}
startTimes.sort((a, b) => a - b);
initTimes.sort((a, b) => a - b);
floorTimes.sort((a, b) => a - b);
startCpu.sort((a, b) => a - b);

// 2 and 3. Typing: a word typed into a rationale and deleted again, one character per change, each waited for.
const s = startServer();
await initialize(s);
let version = 1;
const opened = s.diagnostics(1);
await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr', version, text } });
await opened;
const lines = text.split(/\r?\n/);
const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('Decision rationale:'));
const word = ' medically';
let cursor = 'Decision rationale:'.length;
const latencies = [];
// Memory growth is measured from a warmed-up server: after 1,000 edits, or a tenth of a shorter run.
const warmupEdits = Math.min(1000, Math.max(1, Math.floor(edits / 10)));
let rssAfterWarmup = NaN;
const cpuBefore = cpuMs(s.child.pid);
const t0 = performance.now();
for (let i = 0; i < edits; i++) {
  // Type the word character by character, then delete it character by character: the text stays the same size.
  const phase = i % (2 * word.length);
  const change =
    phase < word.length
      ? { range: { start: { line, character: cursor }, end: { line, character: cursor } }, text: word[phase] }
      : { range: { start: { line, character: cursor - 1 }, end: { line, character: cursor } }, text: '' };
  cursor += phase < word.length ? 1 : -1;
  version++;
  const published = s.diagnostics(version);
  const start = performance.now();
  await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  await published;
  latencies.push(performance.now() - start);
  if (i === warmupEdits - 1) rssAfterWarmup = rssMb(s.child.pid);
}
const total = performance.now() - t0;
const cpuPerEdit = (cpuMs(s.child.pid) - cpuBefore) / edits;
const rssEnd = rssMb(s.child.pid);
await stop(s);
latencies.sort((a, b) => a - b);

const items = (text.match(/:\s+(Upheld|Overturned)\s*$/gm) ?? []).length;
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((x) => fixed(x)).join(' ')} (other processes inflate every figure)`);
console.log(`letter: ${path.basename(letterPath)} (${text.length} characters, ${items} decisions)`);
console.log(`start → first diagnostics: median ${fixed(pct(startTimes, 50))} ms, max ${fixed(startTimes.at(-1))} ms over ${starts} starts (target ≤ 300 ms)`);
console.log(`  server CPU time (user + system) until the first diagnostics: median ${fixed(pct(startCpu, 50), 0)} ms`);
console.log(`  of which: initialize answered after ${fixed(pct(initTimes, 50))} ms (median); a bare node process answers after ${fixed(pct(floorTimes, 50))} ms`);
console.log(
  `didChange → publishDiagnostics over ${edits} one-character edits: p50 ${fixed(pct(latencies, 50))} ms, p95 ${fixed(pct(latencies, 95))} ms, p99 ${fixed(pct(latencies, 99))} ms, max ${fixed(latencies.at(-1))} ms (target p95 ≤ 30 ms)`,
);
console.log(`edits per second, each waited for: ${fixed((edits / total) * 1000, 0)}; server CPU time per edit ${fixed(cpuPerEdit, 2)} ms`);
console.log(`server RSS after ${warmupEdits.toLocaleString('en-US')} edits ${fixed(rssAfterWarmup)} MB, after ${edits} ${fixed(rssEnd)} MB: growth ${fixed(rssEnd - rssAfterWarmup)} MB (target ≤ 20 MB)`);
