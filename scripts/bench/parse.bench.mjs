// Parse (and parse + lint, parse + the folder summary's letter) throughput of the bundled core on one core, over all corpus letters.
import { readFileSync } from 'node:fs';
import { fixed, letterFiles, loadCore, mb, mib } from './common.mjs';

const core = await loadCore();
const { dir, files } = letterFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f, i) => n + Buffer.byteLength(texts[i]), 0);

// Several windows of about half a second each, reported by their median: a burst of other work on the
// machine spoils one window, not the figure.
const windows = Number(process.env.BENCH_WINDOWS ?? 7);

function measure(label, work) {
  for (let r = 0; r < 20; r++) for (const t of texts) work(t); // warm-up: about 0.3 s, until the JIT has settled
  const perLetter = []; // seconds per letter, one figure per window
  for (let w = 0; w < windows; w++) {
    let rounds = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 0.5) {
      for (const t of texts) work(t);
      rounds++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    perLetter.push(elapsed / (rounds * texts.length));
  }
  perLetter.sort((a, b) => a - b);
  const median = perLetter[perLetter.length >> 1];
  const mbps = (seconds) => mb(bytes / texts.length) / seconds;
  const mibps = (seconds) => mib(bytes / texts.length) / seconds;
  console.log(
    `${label.padEnd(14)} ${fixed(mbps(median))} MB/s (${fixed(mibps(median))} MiB/s), ${fixed(1 / median, 0)} letters/s, ` +
      `${fixed(median * 1e3, 3)} ms/letter (median of ${windows} windows; best ${fixed(mbps(perLetter[0]))}, worst ${fixed(mbps(perLetter.at(-1)))} MB/s)`,
  );
}

console.log(`${texts.length} letters, ${fixed(mb(bytes), 2)} MB, from ${dir}; one core, node ${process.version}; MB = 10^6 bytes, MiB = 2^20`);
let items = 0;
for (const t of texts) items += core.parseLetter(t).items.length;
console.log(`${items} disputed items parsed per round`);
measure('parse', (t) => core.parseLetter(t));
measure('parse + lint', (t) => core.lintLetter(core.parseLetter(t), { text: t }));
// What the folder summary, imr-letters summary and the workspace index make of a letter: the guideline sections, the
// kinds of service and the grounds read in each rationale (core/parser/grounds.ts), which lint does without.
measure('parse + folder', (t) => core.folderLetterOf(core.parseLetter(t)));
