// Parse + lint time of malformed, oversized letters: one part of a letter repeated until the document is 0.5, 1
// and 2 MB (the editor checks documents up to 10 MB on every change). The time must grow with the size, not with
// its square: a growth of about 2× per doubling is linear, 4× quadratic. Each generator repeats the kind of text
// that once made a part of the parser search to the end of the text again and again.
import path from 'node:path';
import { fixed, loadCore, root } from './common.mjs';
import { documentOf, generators, randomFragments } from './pathologicalDocs.mjs';

const core = await loadCore();
function best(text, work = (t) => core.lintLetter(core.parseLetter(t), { text: t })) {
  let fastest = Infinity;
  for (let k = 0; k < 3; k++) {
    const start = process.hrtime.bigint();
    work(text);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

const sizes = [0.5, 1, 2];
console.log(`parse + lint of one document, best of 3, node ${process.version}; growth = time at 2 MB / time at 1 MB (2 is linear)\n`);
console.log(`| repeated | ${sizes.map((s) => `${s} MB (ms)`).join(' | ')} | growth |`);
console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`);
let worst = { name: '', growth: 0 };
for (const [name, generator] of Object.entries(generators)) {
  const times = sizes.map((s) => best(documentOf(generator, s)));
  const growth = times[2] / Math.max(times[1], 0.5);
  if (growth > worst.growth) worst = { name, growth };
  console.log(`| ${name} | ${times.map((t) => fixed(t)).join(' | ')} | ${fixed(growth)}× |`);
}
console.log(`\nlargest growth per doubling: ${fixed(worst.growth)}× (${worst.name}); about 4× would mean time growing with the square of the size`);

// Format Document of the same documents: the edits that tidy them (core/features/formatting.ts), asked for on demand.
console.log(`\n| Format Document, repeated | ${sizes.map((s) => `${s} MB (ms)`).join(' | ')} | growth |`);
console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`);
let worstFormat = { name: '', growth: 0 };
for (const [name, generator] of Object.entries(generators)) {
  const times = sizes.map((s) => best(documentOf(generator, s), (t) => core.formattingEdits(t)));
  const growth = times[2] / Math.max(times[1], 0.5);
  if (growth > worstFormat.growth) worstFormat = { name, growth };
  console.log(`| ${name} | ${times.map((t) => fixed(t)).join(' | ')} | ${fixed(growth)}× |`);
}
console.log(`\nFormat Document, largest growth per doubling: ${fixed(worstFormat.growth)}× (${worstFormat.name})`);

// Then fragments of real letters chosen at random (a seeded generator: the same fragments every run), each repeated
// to 0.5 and 2 MB, alone or after a letter's issues heading: a search for growth the generators above miss.
const fragments = Number(process.env.BENCH_FRAGMENTS ?? 100);
const { dir, pieces } = randomFragments(fragments, Number(process.env.BENCH_SEED ?? 7));
let steepest = { growth: 0, piece: '', lead: '' };
for (const { fragment, lead } of pieces) {
  const small = best(lead + fragment.repeat(Math.ceil(0.5e6 / fragment.length)));
  const large = best(lead + fragment.repeat(Math.ceil(2e6 / fragment.length)));
  const growth = large / Math.max(small, 0.5);
  if (growth > steepest.growth) steepest = { growth, piece: fragment, lead };
}
console.log(
  `\n${fragments} random fragments of the letters in ${path.relative(root, dir) || dir}, each repeated to 0.5 and 2 MB: ` +
    `the steepest grew ${fixed(steepest.growth)}× for 4× the size (4 is linear, 16 quadratic): ${JSON.stringify(steepest.piece.slice(0, 100))}`,
);
// One pair of small timings is easily spoilt by other work on the machine: the steepest, timed again up to 8 MB.
const again = [0.5, 2, 8].map((mb) => `${mb} MB ${fixed(best(steepest.lead + steepest.piece.repeat(Math.ceil((mb * 1e6) / steepest.piece.length))))} ms`);
console.log(`the same fragment timed again: ${again.join(', ')}`);
