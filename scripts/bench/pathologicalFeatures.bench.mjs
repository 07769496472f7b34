// What the editor asks of a malformed, oversized letter once it is parsed and linted: every feature of the language
// service (features at the titles, citations and rationales of the first, middle and last items; code actions over
// the whole letter, as Select All does), the summary panel's item context (with a copy of the letter as the workspace)
// and the folder summary's letter. The documents are pathological.bench's, at 1 and 2 MB, then random fragments of
// the corpus letters repeated to 0.25 and 1 MB (BENCH_FRAGMENTS, default 40; BENCH_SEED); a feature whose time grows
// about 4× per doubling is quadratic, and a quadratic feature holds the server on every request.
import { bundle, fixed } from './common.mjs';
import { createRequire } from 'node:module';
import { documentOf, generators, randomFragments } from './pathologicalDocs.mjs';

const core = createRequire(import.meta.url)(await bundle('scripts/bench/features.entry.ts', 'features.js'));

function requests(service, doc, workspace) {
  const d = service.getLetterDocument(doc);
  const items = d.model.items;
  const at = [];
  for (const item of [items[0], items[Math.floor(items.length / 2)], items.at(-1)]) {
    if (!item) continue;
    at.push(item.title.range.start);
    for (const paragraph of [item.claimsAdministratorGuideline, item.maximusGuideline]) for (const c of (paragraph?.citations ?? []).slice(0, 2)) at.push(c.range.start);
    if (item.rationale?.textRange) at.push(item.rationale.textRange.start);
  }
  at.push({ line: Math.floor(d.lines.lineCount / 2), character: 3 });
  const whole = { start: { line: 0, character: 0 }, end: { line: d.lines.lineCount, character: 0 } };
  const each = (f) => () => at.forEach(f);
  return {
    'document symbols': () => service.getDocumentSymbols(doc),
    'folding ranges': () => service.getFoldingRanges(doc),
    'selection ranges': () => service.getSelectionRanges(doc, at),
    'document links': () => service.getDocumentLinks(doc),
    'inlay hints': () => service.getInlayHints(doc, whole),
    'semantic tokens': () => service.getSemanticTokens(doc),
    hovers: each((p) => service.getHover(doc, p, workspace)),
    references: each((p) => service.getReferences(doc, p, workspace)),
    highlights: each((p) => service.getDocumentHighlights(doc, p)),
    definitions: each((p) => service.getDefinition(doc, p)),
    'code actions at the places': each((p) => service.getCodeActions(doc, { start: p, end: p })),
    'code actions, whole letter': () => service.getCodeActions(doc, whole),
    completions: each((p) => service.getCompletions(doc, p)),
    'item context': () => service.getItemContext(doc, workspace),
    'folder letter and summary': () => core.summarizeLetter(core.folderLetterOf(d.model), 'p.txt', doc.uri),
  };
}

let version = 0;
/** Each request's time on a document parsed and linted beforehand, best of 2 (each on a fresh parse: no caches). */
function timesOf(text) {
  const times = {};
  for (let run = 0; run < 2; run++) {
    const service = core.createLanguageService();
    const doc = { uri: 'file:///bench/letter.txt', version: ++version, getText: () => text };
    const workspace = [core.workspaceLetterOf('file:///bench/copy.txt', service.getLetterDocument(doc).model)];
    service.getDiagnostics(doc);
    for (const [name, request] of Object.entries(requests(service, doc, workspace))) {
      const start = process.hrtime.bigint();
      request();
      times[name] = Math.min(times[name] ?? Infinity, Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times;
}

console.log(`each request on a parsed and linted document, best of 2, node ${process.version}; growth = time at 2 MB / time at 1 MB (2 is linear)\n`);
console.log('| repeated | slowest at 2 MB | ms | all requests at 2 MB (ms) | steepest (over 20 ms at 2 MB) | growth |');
console.log('| --- | --- | ---: | ---: | --- | ---: |');
let worst = { growth: 0, what: '' };
for (const [name, generator] of Object.entries(generators)) {
  const one = timesOf(documentOf(generator, 1));
  const two = timesOf(documentOf(generator, 2));
  const [slowest] = Object.entries(two).sort((a, b) => b[1] - a[1]);
  const total = Object.values(two).reduce((a, b) => a + b, 0);
  // Growth means little for requests of a few milliseconds (a collection of garbage doubles them).
  const [steep] = Object.keys(two)
    .filter((k) => two[k] > 20)
    .map((k) => [k, two[k] / Math.max(one[k], 0.5)])
    .sort((a, b) => b[1] - a[1]);
  if (steep && steep[1] > worst.growth) worst = { growth: steep[1], what: `${steep[0]}, ${name}` };
  console.log(`| ${name} | ${slowest[0]} | ${fixed(slowest[1])} | ${fixed(total)} | ${steep ? steep[0] : '—'} | ${steep ? `${fixed(steep[1])}×` : '—'} |`);
}
console.log(`\nlargest growth per doubling of a request over 20 ms: ${worst.what ? `${fixed(worst.growth)}× (${worst.what})` : 'none over 20 ms'}; about 4× would mean time growing with the square of the size`);

// Then random fragments of the letters, each repeated to 0.25 and 1 MB: a search for growth the generators miss. The
// steepest request over 20 ms is timed again on its own document at 0.25, 1 and 4 MB (a pair of timings is easily
// spoilt by a garbage collection or by other work on the machine).
const fragments = Number(process.env.BENCH_FRAGMENTS ?? 40);
const { pieces } = randomFragments(fragments, Number(process.env.BENCH_SEED ?? 7));
const repeated = ({ fragment, lead }, mb) => lead + fragment.repeat(Math.ceil((mb * 1e6) / fragment.length));
let steepest = { growth: 0 };
for (const piece of pieces) {
  const small = timesOf(repeated(piece, 0.25));
  const large = timesOf(repeated(piece, 1));
  for (const [request, ms] of Object.entries(large)) {
    const growth = ms / Math.max(small[request], 0.5);
    if (ms > 20 && growth > steepest.growth) steepest = { growth, request, piece };
  }
}
if (!steepest.request) console.log(`\n${pieces.length} random fragments, each repeated to 0.25 and 1 MB: no request over 20 ms at 1 MB`);
else {
  console.log(
    `\n${pieces.length} random fragments, each repeated to 0.25 and 1 MB: the steepest request over 20 ms grew ${fixed(steepest.growth)}× ` +
      `for 4× the size (4 is linear, 16 quadratic): ${steepest.request} on ${JSON.stringify(steepest.piece.fragment.slice(0, 80))}`,
  );
  const again = [0.25, 1, 4].map((mb) => `${mb} MB ${fixed(timesOf(repeated(steepest.piece, mb))[steepest.request])} ms`);
  console.log(`the same request timed again: ${again.join(', ')}`);
}
