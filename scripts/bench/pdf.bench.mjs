// Letters as PDFs: how long the PDF reader (pdf/reader.ts: pdf.js, dist/pdf.js, in a child process) takes to give a
// PDF's text, started and warm, and what `imr-letters lint` costs over a folder of PDFs against the same letters as
// text, with the memory of the CLI's process and of its PDF readers' processes.
// The corpus PDFs (IMR_CORPUS or ../shared/corpus beside the checkout), else the seeds printed as PDFs.
// Figures only: nothing here fails on timing. Options (environment): BENCH_PDFS (default 600), BENCH_RUNS (3).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle, descendants, fixed, mb, pdfSources, rssMb, root } from './common.mjs';

const require = createRequire(import.meta.url);
const total = Number(process.env.BENCH_PDFS ?? 600);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cli = path.join(root, 'dist', 'cli.js');
const corpus = process.env.IMR_CORPUS ? path.resolve(process.env.IMR_CORPUS) : path.resolve(root, '..', 'shared', 'corpus');

const work = mkdtempSync(path.join(tmpdir(), 'imr-pdf-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

// The PDFs: the corpus's, or the seeds printed by the tests' PDF writer.
const { sources, fromCorpus } = await pdfSources();
const pdfDir = path.join(corpus, 'pdf');
const from = fromCorpus ? `${sources.length} corpus PDFs` : `${sources.length} seeds printed as PDFs (no corpus PDFs at ${pdfDir})`;

// Through the reader, from this process: the first PDF (the child started, pdf.js loaded), then each PDF, then warm.
const loader = require(await bundle('pdf/load.ts', 'pdfLoad.js'));
// The loader finds dist/pdf.js from its own folder (.bench/ sits beside dist/).
let t = performance.now();
const first = await loader.readPdfText(sources[0].bytes);
const firstMs = performance.now() - t;
if (!first.ok) throw new Error(`${sources[0].name}: ${first.reason}`);
const texts = [];
t = performance.now();
for (const s of sources) texts.push(await loader.readPdfText(s.bytes));
const passMs = performance.now() - t;
const rounds = Math.max(1, Math.ceil(300 / sources.length));
t = performance.now();
for (let r = 0; r < rounds; r++) for (const s of sources) await loader.readPdfText(s.bytes);
const warmMs = (performance.now() - t) / (rounds * sources.length);
const pdfBytes = sources.reduce((n, s) => n + s.bytes.length, 0);

console.log(`${from}, ${fixed(mb(pdfBytes), 2)} MB; ${total} PDFs for the CLI runs; best of ${runs} (median in brackets)\n`);
console.log('| reading a PDF\'s text (one PDF reader process) | time |');
console.log('| --- | ---: |');
console.log(`| the first PDF, the reader started and pdf.js loaded with it | ${fixed(firstMs, 0)} ms |`);
console.log(`| the ${sources.length} PDFs once, after it | ${fixed(passMs / sources.length, 1)} ms a PDF |`);
console.log(`| warm (${rounds * sources.length} readings) | ${fixed(warmMs, 1)} ms a PDF, ${fixed(pdfBytes / sources.length / 1024 / warmMs, 1)} MB/s |`);

// The same letters as PDFs and as their text, copied round-robin into two folders.
const pdfFolder = path.join(work, 'pdf');
const textFolder = path.join(work, 'text');
mkdirSync(pdfFolder);
mkdirSync(textFolder);
for (let i = 0; i < total; i++) {
  const k = i % sources.length;
  const name = `${String(i).padStart(5, '0')}-${sources[k].name}`;
  writeFileSync(path.join(pdfFolder, name), sources[k].bytes);
  writeFileSync(path.join(textFolder, name.replace(/\.pdf$/, '.txt')), texts[k].text);
}
const folderBytes = (dir) => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);

// Peak RSS of the CLI's process (its worker threads included), from the process itself at exit; and of its PDF
// readers' processes, sampled from /proc every 50 ms (the sum over those alive at once).
const rssProbe = path.join(work, 'rss-probe.cjs');
writeFileSync(rssProbe, `if (require('worker_threads').isMainThread) process.on('exit', () => process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'));\n`);

function timed(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', rssProbe, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let readersMb = 0;
    const sampler = setInterval(() => {
      const sum = descendants(child.pid).reduce((n, pid) => n + (rssMb(pid) || 0), 0);
      readersMb = Math.max(readersMb, sum);
    }, 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      if (status !== 0 && status !== 1) return reject(new Error(`${args.join(' ')}: exit ${status}\n${stderr}`));
      if (stderr.includes('imr-letters: ')) return reject(new Error(`${args.join(' ')}: a file was not read\n${stderr}`));
      resolve({ seconds: (performance.now() - start) / 1000, rssMb: Number(/RSS (\d+)/.exec(stderr)?.[1]) / 1024, readersMb });
    });
  });
}

async function best(args) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timed(args));
  results.sort((a, b) => a.seconds - b.seconds);
  return {
    best: results[0].seconds,
    median: results[Math.floor(results.length / 2)].seconds,
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    readersMb: Math.max(...results.map((r) => r.readersMb)),
  };
}

console.log(`\n| imr-letters over ${total} letters | wall time (s) | per letter (ms) | peak RSS (MB) | PDF readers' peak RSS (MB) |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, folder] of [
  [`lint --format json, text letters (${fixed(mb(folderBytes(textFolder)), 1)} MB)`, textFolder],
  [`lint --format json, the same letters as PDFs (${fixed(mb(folderBytes(pdfFolder)), 1)} MB)`, pdfFolder],
]) {
  const r = await best(['lint', '--format', 'json', folder]);
  console.log(`| ${label} | ${fixed(r.best, 2)} (${fixed(r.median, 2)}) | ${fixed((1000 * r.best) / total, 2)} | ${fixed(r.rssMb, 0)} | ${fixed(r.readersMb, 0)} |`);
}
