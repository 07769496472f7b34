// Reading letters from PDFs with the bundled pdf.js (dist/pdf.js, through pdf/load.ts): the lines and paragraphs
// of the page, the same letter model as the text the PDF was made from, and a clear reason for every PDF that
// holds no readable letter. The PDFs are written here (test/support/minimalPdf.ts); the corpus PDFs are checked
// against their pypdf text in test/parser/pdfExtracts.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { lintLetter, parseLetter } from '../../core';
import type { LetterModel } from '../../core/model';
import { readPdfText } from '../../pdf/load';
import { distDir, repoRoot, seedsDir, skipUnless } from '../support/env';
import { letterPages, writePdf } from '../support/minimalPdf';
import { reading } from '../support/reading';

const builtSkip = skipUnless(existsSync(path.join(distDir, 'pdf.js')), 'dist/pdf.js is not built (npm run build)');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

async function textOf(pdf: Buffer): Promise<string> {
  const r = await readPdfText(pdf);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.text;
}

/** What a reader gets from the letter (test/support/reading.ts), and, the text being the same, its words too. */
function fullReading(model: LetterModel, text: string) {
  return {
    ...reading(model, text),
    words: model.items.map((i) => [
      ...[...(i.claimsAdministratorGuideline?.citations ?? []), ...(i.maximusGuideline?.citations ?? [])].map((c) => c.text.replace(/\s+/g, ' ')),
      i.rationale?.text.replace(/\s+/g, ' '),
    ]),
    messages: lintLetter(model, { text }).map((d) => d.message),
  };
}

test('PDF lines come out as lines, a paragraph gap as an empty line, and a second column beside its first', { skip: builtSkip }, async () => {
  const pdf = writePdf([
    [
      { text: 'Case Number: CM16-0229336' },
      { text: 'Priority: Standard Application' },
      { text: 'Received:' },
      // The label's value, printed in a second column on the line above (as the header table's PDFs do): no gap.
      { text: '11/28/2016', x: 400, y: 726 },
      { text: 'HOW THE IMR FINAL DETERMINATION WAS MADE', gapBefore: 28 },
      { text: 'Café (a word with é), 5 \\ 10' },
    ],
    [{ text: 'A title that goes on' }, { text: 'on the next page: Upheld' }],
  ]);
  assert.equal(
    await textOf(pdf),
    ['Case Number: CM16-0229336', 'Priority: Standard Application', 'Received:', '11/28/2016', '', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'Café (a word with é), 5 \\ 10', 'A title that goes on', 'on the next page: Upheld', ''].join('\n'),
  );
});

for (const seed of seeds) {
  test(`seed ${seed} printed as a PDF reads as the same letter`, { skip: builtSkip }, async () => {
    const source = readFileSync(path.join(seedsDir, seed), 'utf8');
    // 30 lines a page: every seed runs over at least two pages, some titles and paragraphs across a page break.
    const pages = letterPages(source, 30);
    assert.ok(pages.length >= 2, `${seed}: ${pages.length} page(s)`);
    const text = await textOf(writePdf(pages));
    const expected = fullReading(parseLetter(source), source);
    assert.ok(expected.items.length > 0);
    assert.deepEqual(fullReading(parseLetter(text), text), expected);
  });
}

test('samples/ holds seed 003 printed as a PDF, current with the seed and the writer, and it reads as the seed', { skip: builtSkip }, async () => {
  const name = '003_600b92038191239e';
  const seedText = readFileSync(path.join(repoRoot, 'samples', `${name}.txt`), 'utf8');
  const sample = readFileSync(path.join(repoRoot, 'samples', `${name}.pdf`));
  assert.ok(sample.equals(writePdf(letterPages(seedText, 40))), 'samples/*.pdf is stale: run node scripts/sample-pdf.mjs');
  const text = await textOf(sample);
  assert.deepEqual(fullReading(parseLetter(text), text), fullReading(parseLetter(seedText), seedText));
});

test('a PDF that holds no letter gets a reason: damaged, cut short, locked, without text, too long', { skip: builtSkip }, async () => {
  const good = writePdf([[{ text: 'IMR ISSUES, DECISIONS AND RATIONALES' }]]);
  const cases: [string, Buffer, RegExp][] = [
    ['garbage after the signature', Buffer.from('%PDF-1.7\n\x00\x01garbage', 'latin1'), /^not a readable PDF \(damaged or incomplete\)$/],
    ['only the signature', Buffer.from('%PDF-'), /^not a readable PDF \(damaged or incomplete\)$/],
    ['cut short', good.subarray(0, 200), /^not a readable PDF \(damaged or incomplete\)$/],
    ['locked', writePdf([[{ text: 'secret' }]], { locked: true }), /^a password-protected PDF; not read$/],
    ['pages without text', writePdf([[], []]), /^a PDF without text \(a scanned image\?\); run it through OCR first$/],
    ['201 pages', writePdf(Array.from({ length: 201 }, () => [{ text: 'x' }])), /^a PDF of 201 pages \(a letter has a few; the limit is 200\); not read$/],
  ];
  for (const [what, bytes, reason] of cases) {
    const r = await readPdfText(bytes);
    assert.ok(!r.ok, what);
    assert.match(r.reason, reason, what);
  }
  // The reader keeps working after them.
  assert.equal(await textOf(good), 'IMR ISSUES, DECISIONS AND RATIONALES\n');
});

test('a decompression bomb is refused quickly, with its reason, and a large but sane stream is read', { skip: builtSkip }, async () => {
  // 200 MB of spaces in a PDF of 200 kB: pdf.js alone would inflate it whole (about 500 MB of memory).
  const bomb = writePdf([[{ text: 'IMR ISSUES, DECISIONS AND RATIONALES' }]], { inflatedPadding: 200 * 1024 * 1024 });
  assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
  const before = process.memoryUsage().rss;
  const refused = await readPdfText(bomb);
  assert.deepEqual(refused, { ok: false, reason: 'a PDF with a stream that inflates past 32 MB (no letter has one); not read' });
  const grew = (process.memoryUsage().rss - before) / (1024 * 1024);
  assert.ok(grew < 150, `the reader grew by ${grew.toFixed(0)} MB`);
  // Under the ceiling: 20 MB of padding is read, and the text is there.
  assert.equal(await textOf(writePdf([[{ text: 'CLINICAL CASE SUMMARY' }]], { inflatedPadding: 20 * 1024 * 1024 })), 'CLINICAL CASE SUMMARY\n');
});

test('the PDF reader leaves the caller\'s bytes alone', { skip: builtSkip }, async () => {
  const pdf = writePdf([[{ text: 'CLINICAL CASE SUMMARY' }]]);
  const copy = Buffer.from(pdf);
  await textOf(pdf);
  assert.ok(pdf.equals(copy), 'the buffer was changed or detached');
});

test('fuzz: damaged PDFs (random bytes, cut, bytes flipped) give a text or a reason, never an exception', { skip: builtSkip }, async () => {
  const seed = readFileSync(path.join(seedsDir, seeds[0]), 'utf8');
  const good = writePdf(letterPages(seed));
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from('%PDF-1.4\n'), b])),
        fc.nat({ max: good.length }).map((n) => good.subarray(0, n)),
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => {
          const b = Buffer.from(good);
          for (const [at, v] of flips) b[at] = v;
          return b;
        }),
      ),
      async (bytes) => {
        const r = await readPdfText(bytes);
        if (r.ok) assert.equal(typeof r.text, 'string');
        else assert.match(r.reason, /PDF/);
      },
    ),
    { numRuns: 150 },
  );
});
