// The command line over letters published as PDFs: each command reads a PDF's text (pdf.js, dist/pdf.js) as it
// reads a text letter, on worker threads as in the main thread, and `imr-letters text` writes that text out.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintLetter, parseLetter } from '../../core';
import { repoRoot } from '../support/env';
import { letterPages, longString, writePdf, writeRepeatedPdf } from '../support/minimalPdf';
import { parseCsv, roundTrip, runCli, seedFiles, tempDir } from './support';

/** Every seed as a PDF (`<seed>.pdf`) beside a letter with a missing rationale, also as a PDF. */
function pdfFolder(dir: string): string[] {
  const pdfs: string[] = [];
  for (const seed of seedFiles()) {
    const file = path.join(dir, path.basename(seed).replace(/\.txt$/, '.pdf'));
    writeFileSync(file, writePdf(letterPages(readFileSync(seed, 'utf8'), 30)));
    pdfs.push(file);
  }
  const malformed = readFileSync(path.join(repoRoot, 'samples', 'malformed-missing-rationale.txt'), 'utf8');
  const file = path.join(dir, 'zz-malformed.pdf');
  writeFileSync(file, writePdf(letterPages(malformed)));
  pdfs.push(file);
  return pdfs;
}

test('imr-letters text prints a PDF\'s text, and that text is what lint, table and parse read', (t) => {
  const dir = tempDir(t);
  const pdfs = pdfFolder(dir);
  const texts = new Map<string, string>();
  for (const pdf of pdfs) {
    const r = runCli(['text', pdf]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(parseLetter(r.stdout).items.length > 0, `${pdf}: no items in\n${r.stdout.slice(0, 300)}`);
    texts.set(pdf, r.stdout);
  }
  // lint: the diagnostics of each PDF's text, at its lines; the same in the main thread and on two workers.
  const expected = pdfs.map((file) => ({ file, diagnostics: roundTrip(lintLetter(parseLetter(texts.get(file)!), { text: texts.get(file)! })) }));
  assert.ok(expected.at(-1)!.diagnostics.some((d) => d.code === 'missing-rationale'), 'the malformed letter is caught');
  for (const jobs of ['0', '2']) {
    const r = runCli(['lint', '--format', 'json', '--jobs', jobs, dir]);
    assert.equal(r.status, expected.some((e) => e.diagnostics.some((d) => d.severity === 1)) ? 1 : 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), expected, `--jobs ${jobs}`);
  }
  // table: one row per item of each PDF.
  const table = runCli(['table', dir]);
  assert.equal(table.status, 0, table.stderr);
  const rows = parseCsv(table.stdout).slice(1);
  assert.equal(rows.length, pdfs.reduce((n, f) => n + parseLetter(texts.get(f)!).items.length, 0));
  assert.deepEqual([...new Set(rows.map((r) => r[0]))], pdfs);
  // parse: the model of the text; from standard input too.
  const parsed = runCli(['parse', pdfs[0]]);
  assert.equal(parsed.status, 0, parsed.stderr);
  assert.deepEqual(JSON.parse(parsed.stdout), roundTrip({ file: pdfs[0], ...parseLetter(texts.get(pdfs[0])!) }));
  const piped = runCli(['lint', '--format', 'json', '-'], { input: readFileSync(pdfs.at(-1)!) });
  assert.deepEqual(JSON.parse(piped.stdout), [{ ...expected.at(-1)!, file: '<stdin>' }]);
});

test('a PDF that holds no letter gets one line on stderr, and the run goes on', (t) => {
  const dir = tempDir(t);
  const good = path.join(dir, 'good.pdf');
  writeFileSync(good, writePdf(letterPages(readFileSync(seedFiles()[0], 'utf8'))));
  writeFileSync(path.join(dir, 'locked.pdf'), writePdf([[{ text: 'CLINICAL CASE SUMMARY' }]], { locked: true }));
  writeFileSync(path.join(dir, 'scanned.pdf'), writePdf([[]]));
  writeFileSync(path.join(dir, 'damaged.pdf'), Buffer.from('%PDF-1.4\n1 0 obj <<'));
  writeFileSync(path.join(dir, 'shopping.pdf'), writePdf([[{ text: 'Milk, eggs, bread' }]]));
  // A text bomb: 31 kB a page, each page a string of 30 M letters (pdf.js alone: 11 s and 1.3 GB a page).
  writeFileSync(path.join(dir, 'bomb.pdf'), writeRepeatedPdf({ pages: 20, unit: longString(30 * 1024 * 1024), times: 1 }));
  for (const jobs of ['0', '2']) {
    const r = runCli(['lint', '--format', 'json', '--jobs', jobs, dir]);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stderr.trimEnd().split('\n').sort(), [
      `imr-letters: ${path.join(dir, 'bomb.pdf')}: a PDF with a string of over a million characters (no letter has one); not read`,
      `imr-letters: ${path.join(dir, 'damaged.pdf')}: not a readable PDF (damaged or incomplete)`,
      `imr-letters: ${path.join(dir, 'locked.pdf')}: a password-protected PDF; not read`,
      `imr-letters: ${path.join(dir, 'scanned.pdf')}: a PDF without text (a scanned image?); run it through OCR first`,
    ]);
    // The PDF that is not a letter is skipped silently in a folder, as a text file would be.
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file), [good]);
  }
  const text = runCli(['text', path.join(dir, 'locked.pdf')]);
  assert.equal(text.status, 1);
  assert.equal(text.stdout, '');
  assert.equal(text.stderr, `imr-letters: ${path.join(dir, 'locked.pdf')}: a password-protected PDF; not read\n`);
  // A text letter goes through `text` unchanged.
  const seed = runCli(['text', seedFiles()[0]]);
  assert.equal(seed.stdout, readFileSync(seedFiles()[0], 'utf8'));
});
