// Parse (and parse + lint) throughput of the bundled core on one core, over all corpus letters.
import { readFileSync } from 'node:fs';
import { fixed, letterFiles, loadCore, mb } from './common.mjs';

const core = await loadCore();
const { dir, files } = letterFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f, i) => n + Buffer.byteLength(texts[i]), 0);

function measure(label, work) {
  for (const t of texts) work(t); // warm-up: let the JIT see every shape once
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 2 || rounds < 3) {
    for (const t of texts) work(t);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const letters = rounds * texts.length;
  console.log(
    `${label.padEnd(14)} ${fixed(mb(bytes * rounds) / elapsed)} MB/s, ${fixed(letters / elapsed, 0)} letters/s, ` +
      `${fixed((elapsed / letters) * 1e3, 3)} ms/letter (${rounds} rounds, ${fixed(elapsed, 2)} s)`,
  );
}

console.log(`${texts.length} letters, ${fixed(mb(bytes), 2)} MB, from ${dir}; one core, node ${process.version}`);
let items = 0;
for (const t of texts) items += core.parseLetter(t).items.length;
console.log(`${items} disputed items parsed per round`);
measure('parse', (t) => core.parseLetter(t));
measure('parse + lint', (t) => core.lintLetter(core.parseLetter(t), { text: t }));
