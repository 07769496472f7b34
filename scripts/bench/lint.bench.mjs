// `imr-letters lint` over 10,000 letters against the floor of a plain Node script that only reads them,
// with the CLI's peak memory at 2,500 and 10,000 letters to show that it stays flat, and where the time goes
// (the same CLI stopped after walking, reading, parsing).
// Figures only: nothing here fails on timing. Options (environment): BENCH_FILES (default 10000), BENCH_RUNS (3).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { bundle, copyLetters, fixed, mb, root } from './common.mjs';

const total = Number(process.env.BENCH_FILES ?? 10000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const perFolder = 500;
const cli = path.join(root, 'dist', 'cli.js');

const work = mkdtempSync(path.join(tmpdir(), 'imr-lint-bench-'));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));

// The corpus copied round-robin into folders of 500, so 2,500 letters are simply the first 5 folders.
const { folders, bytes } = copyLetters(work, total, perFolder);

// The same letters again, as hard links in other folders: lint over both costs the first run plus the work of
// 10,000 letters with the JIT already warm, which separates the work itself from V8's warm-up in each worker.
const again = folders.map((dir) => {
  const copy = path.join(work, 'again', path.basename(dir));
  mkdirSync(copy, { recursive: true });
  for (const name of readdirSync(dir)) linkSync(path.join(dir, name), path.join(copy, name));
  return copy;
});

// The floor: walk the same folders and read every file as UTF-8, nothing else.
const floorScript = path.join(work, 'read-floor.cjs');
writeFileSync(
  floorScript,
  `const fs = require('fs'), path = require('path');
let n = 0;
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else n += fs.readFileSync(p, 'utf8').length;
  }
}
for (const d of process.argv.slice(2)) walk(d);
if (n === 0) process.exit(1);
`,
);

// Peak RSS and CPU time of the whole process (worker threads included: getrusage(RUSAGE_SELF)), at exit.
// CPU time is the steadier figure when other work shares the machine. On Linux also the CPU time of the main
// thread and of the threads still alive at exit (V8's background threads: its optimizing compiler and GC
// helpers; libuv's pool), from /proc/self/task: the worker threads, gone by then, have the rest.
const rssProbe = path.join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  `const { isMainThread } = require('worker_threads');
if (isMainThread && process.env.RSS_OUT) process.on('exit', () => {
  const fs = require('fs');
  const u = process.resourceUsage();
  let main = NaN, background = NaN;
  try {
    const ticks = (task) => { const s = fs.readFileSync('/proc/self/task/' + task + '/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
    background = 0;
    for (const task of fs.readdirSync('/proc/self/task')) { if (Number(task) === process.pid) main = ticks(task); else background += ticks(task); }
  } catch {}
  fs.writeFileSync(process.env.RSS_OUT, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, main, background }));
});
`,
);

// How much of the machine the run gets: a fixed loop on one thread, then on two at once. On a shared virtual
// machine the second core is sometimes only partly there, and the CLI's wall time follows it.
const coreProbe = path.join(work, 'core-probe.cjs');
writeFileSync(
  coreProbe,
  `const { Worker, isMainThread, parentPort } = require('worker_threads');
const spin = () => { const t = process.hrtime.bigint(); let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i) | 0; return [Number(process.hrtime.bigint() - t) / 1e9, x]; };
if (!isMainThread) parentPort.postMessage(spin()[0]);
else {
  const alone = spin()[0];
  const w = new Worker(__filename);
  const both = spin()[0];
  w.once('message', (other) => { console.log(JSON.stringify({ cores: (2 * alone) / Math.max(both, other) })); });
}
`,
);

// The same letters parsed and linted in one process, one thread, twice: the first pass includes the JIT's warm-up
// (the work a worker of the CLI does while V8 compiles), the second is the work itself.
const inProcess = path.join(work, 'in-process.cjs');
writeFileSync(
  inProcess,
  `const fs = require('fs'), path = require('path');
const core = require(process.env.CORE);
const files = [];
function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } }
for (const d of process.argv.slice(2)) walk(d);
const pass = () => { const t = process.hrtime.bigint(); let n = 0; for (const f of files) { const text = fs.readFileSync(f, 'utf8'); n += core.lintLetter(core.parseLetter(text), { text }).length; } return Number(process.hrtime.bigint() - t) / 1e9; };
const first = pass();
console.log(JSON.stringify({ first, second: pass() }));
`,
);

function probe(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${args[0]}: exit ${status}`))));
  });
}

function timed(args, env = {}, node = process.execPath) {
  return new Promise((resolve, reject) => {
    const rssOut = path.join(work, `rss-${process.hrtime.bigint()}`);
    const out = openSync('/dev/null', 'w');
    const start = process.hrtime.bigint();
    const child = spawn(node, args, {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, ...env, NODE_OPTIONS: `--require ${rssProbe}`, RSS_OUT: rssOut },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      closeSync(out);
      if (status !== 0 && status !== 1) return reject(new Error(`${args.join(' ')}: exit ${status}\n${stderr}`));
      let probe = { maxRSS: NaN, cpu: NaN, main: NaN, background: NaN };
      try {
        probe = JSON.parse(readFileSync(rssOut, 'utf8'));
      } catch {
        // the probe did not run; report the time anyway
      }
      const threads = { main: probe.main, background: probe.background, workers: probe.cpu - probe.main - probe.background };
      resolve({ seconds, rssMb: probe.maxRSS / 1024, cpu: probe.cpu, threads });
    });
  });
}

async function best(args, env = {}, node = process.execPath) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timed(args, env, node));
  results.sort((a, b) => a.seconds - b.seconds);
  return {
    seconds: results[0].seconds,
    threads: results[0].threads,
    median: results[Math.floor(results.length / 2)].seconds,
    cpu: Math.min(...results.map((r) => r.cpu)),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
  };
}

const quarter = folders.slice(0, Math.max(1, folders.length / 4));
await timed([floorScript, ...folders]); // warm the page cache

console.log(
  `${total} letters (${fixed(mb(bytes))} MB) in ${folders.length} folders; ${availableParallelism()} cores; ` +
    `load average ${loadavg().map((l) => fixed(l, 2)).join(' ')}; best of ${runs} (median in brackets)`,
);
const coresBefore = (await probe([coreProbe])).cores;
const floor = await best([floorScript, ...folders]);
const rows = [['read floor (plain node)', floor]];
const cases = [
  ['lint --format json', ['lint', '--format', 'json', ...folders]],
  ['lint (text)', ['lint', ...folders]],
  ['lint --format sarif', ['lint', '--format', 'sarif', ...folders]],
  ['lint --format json --jobs 0', ['lint', '--format', 'json', '--jobs', '0', ...folders]],
  ['table (csv)', ['table', ...folders]],
  [`lint --format json, ${quarter.length * perFolder} letters`, ['lint', '--format', 'json', ...quarter]],
];
for (const [label, args] of cases) rows.push([label, await best([cli, ...args])]);

function printTable(heading, rows) {
  console.log(`\n| ${heading} | wall time (s) | × read floor | CPU time (s) | peak RSS (MB) |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const [label, r] of rows) {
    console.log(
      `| ${label} | ${fixed(r.seconds, 2)} (${fixed(r.median, 2)}) | ${fixed(r.seconds / floor.seconds)} | ${fixed(r.cpu, 2)} | ${fixed(r.rssMb, 0)} |`,
    );
  }
}
printTable('run', rows);
const { threads } = rows[1][1];
if (Number.isFinite(threads.main) && Number.isFinite(threads.background)) {
  console.log(
    `\nCPU time of lint --format json by thread (its fastest run): main thread ${fixed(threads.main, 2)} s, worker threads ` +
      `${fixed(threads.workers, 2)} s, background threads ${fixed(threads.background, 2)} s (V8's optimizing compiler and GC ` +
      `helpers for every isolate, and libuv's pool)`,
  );
}

/**
 * Lint over the letters once, then over them and their hard links, in turn: the median pair's extra time is the
 * work of the letters with the JIT warm. In turn, so that a slow minute of the machine spoils one pair, not the
 * difference.
 */
async function warmExtra(node) {
  const pairs = [];
  for (let i = 0; i < runs; i++) {
    const once = await timed([cli, 'lint', '--format', 'json', ...folders], {}, node);
    const both = await timed([cli, 'lint', '--format', 'json', ...folders, ...again], {}, node);
    pairs.push({ once: once.seconds, diff: both.seconds - once.seconds });
  }
  pairs.sort((a, b) => a.diff - b.diff);
  return pairs[Math.floor(pairs.length / 2)];
}

// Node 24 (installed for the end-to-end tests) reads files faster and lints faster, on Maglev alone
// (cli/runtime.ts): its own floor and run, when it is there.
const node24 = path.join(root, '.vscode-test', 'node24', 'bin', 'node');
if (existsSync(node24)) {
  const floor24 = await best([floorScript, ...folders], {}, node24);
  const lint24 = await best([cli, 'lint', '--format', 'json', ...folders], {}, node24);
  const turbofan24 = await best(['--turbofan', cli, 'lint', '--format', 'json', ...folders], {}, node24);
  console.log(
    `\nNode 24: read floor ${fixed(floor24.seconds, 2)} s; lint --format json ${fixed(lint24.seconds, 2)} s on Maglev alone ` +
      `(${fixed(lint24.seconds / floor24.seconds)}× its floor, ${fixed(lint24.seconds / floor.seconds)}× this Node's), ` +
      `${fixed(turbofan24.seconds, 2)} s with TurboFan too (--turbofan)`,
  );
  const warm24 = await warmExtra(node24);
  console.log(`Node 24: the same letters again in the same run: ${fixed(warm24.diff, 2)} s more (the other ${fixed(warm24.once - warm24.diff, 2)} s: start and warm-up)`);
}

// Where the time goes: the same CLI bundle, with its per-file work cut short after one stage (IMR_BENCH_STAGE).
// Only the bench's copy is cut: an esbuild plugin swaps cli/analyse.ts for the variant below.
const stagedAnalyse = `import { lintLetter, parseLetter } from '../core';
import { readLetterFile } from './readLetter';
const stage = process.env.IMR_BENCH_STAGE;
const none = { kind: 'lint', diagnostics: [] };
export function analyse(task, file, rules) {
  if (stage === 'walk') return none;
  const read = readLetterFile(file);
  if (!read.ok) return { kind: 'bad', reason: read.reason };
  if (stage === 'read') return none;
  const model = parseLetter(read.text);
  if (!model.isLetter) return { kind: 'not-letter' };
  if (stage === 'parse') return none;
  return { kind: 'lint', diagnostics: lintLetter(model, { rules, text: read.text }) };
}
// (Standard input, which the bench does not use.)
export function analyseText(task, file, text, rules) {
  const model = parseLetter(text);
  return model.isLetter ? { kind: 'lint', diagnostics: lintLetter(model, { rules, text }) } : { kind: 'not-letter' };
}
`;
const stagedCli = await bundle('cli/main.ts', 'cli-stages.js', [
  {
    name: 'staged-analyse',
    setup(build) {
      build.onLoad({ filter: /[\\/]cli[\\/]analyse\.ts$/ }, () => ({ contents: stagedAnalyse, loader: 'ts', resolveDir: path.join(root, 'cli') }));
    },
  },
]);
const stages = [
  ['walk, workers, output (no file read)', 'walk'],
  ['+ read every file', 'read'],
  ['+ parse', 'parse'],
  ['+ lint (the whole run)', 'lint'],
];
const staged = [];
for (const [label, stage] of stages) {
  staged.push([label, await best([stagedCli, 'lint', '--format', 'json', ...folders], { IMR_BENCH_STAGE: stage })]);
}
console.log('\nwhere the time of lint --format json goes (the CLI stopped after each stage of its per-file work):');
printTable('stages done', staged);
const coresAfter = (await probe([coreProbe])).cores;
const passes = await probe([inProcess, ...folders], { CORE: await bundle('core/index.ts', 'core.js') });
console.log(
  `\ncores the machine gave (a loop on two threads against one): ${fixed(coresBefore, 2)} before the runs, ${fixed(coresAfter, 2)} after`,
);
console.log(
  `one thread in one process, read + parse + lint of the same letters: first pass ${fixed(passes.first, 2)} s, ` +
    `second pass ${fixed(passes.second, 2)} s (the JIT warm; ${fixed(passes.second / floor.seconds)}× the read floor on one core)`,
);
const json = rows[1][1];
const { once, diff: warmWork } = await warmExtra(process.execPath);
console.log(
  `the same ${total} letters again in the same run (hard links): ${fixed(warmWork, 2)} s more, ` +
    `${fixed(warmWork / floor.seconds)}× the read floor: their work once the JIT is warm. The other ` +
    `${fixed(once - warmWork, 2)} s of lint over ${total} letters (${fixed(once, 2)} s in that pair; the median of ${runs} pairs of ` +
    `runs, once and twice in turn) are the process and its workers starting, and V8 warming up in each of them.`,
);
console.log(
  `\nlint --format json: ${fixed(json.seconds / floor.seconds)}× the read floor (target ≤ 5×), ` +
    `${fixed(mb(bytes) / json.seconds)} MB/s, peak RSS ${fixed(json.rssMb, 0)} MB (target ≤ 200 MB; ` +
    `${fixed(rows.at(-1)[1].rssMb, 0)} MB at ${quarter.length * perFolder} letters)`,
);
