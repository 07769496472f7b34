// Letters as pdftotext writes them, the tool most users have: by default the header table comes out column by
// column and each page starts with a form feed; with -layout a wrapped label holds its value between its lines.
// The same letter must read the same whichever tool extracted it, and be recognised as a letter in VS Code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { hasLetterMarkers } from '../../client/letterMarkers';
import { parseLetter } from '../../core';
import type { Field, Range } from '../../core/model';
import { LineIndex } from '../../core/text/lines';
import { tidyLetter } from '../../core/features/formatting';
import fc from 'fast-check';
import { corpusLetters, distDir, lettersDir, pdfDir, seedsDir, skipUnless } from '../support/env';
import { headerValues, reading } from '../support/reading';

const at = (line: number, character: number) => ({ line, character });

test('pdftotext: a header table written column by column gets each value under its own label', () => {
  const text =
    'Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0229336\n12/05/2016\n12/30/2016\nStandard\n\n' +
    'Date of Injury:\nUR Denial Date:\nApplication\nReceived:\n\n10/20/2016\n10/28/2016\n11/28/2016\n\n' +
    'HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the complete case file to an expert reviewer.\n';
  const h = parseLetter(text).header!;
  assert.deepEqual(headerValues(h), {
    applicationReceived: '2016-11-28',
    caseNumber: 'CM16-0229336',
    dateAssigned: '2016-12-05',
    dateOfInjury: '2016-10-20',
    decisionDate: '2016-12-30',
    priority: 'Standard',
    urDenialDate: '2016-10-28',
  });
  assert.deepEqual(h.priority!.range, { start: at(8, 0), end: at(8, 8) });
  assert.deepEqual(h.applicationReceived!.range, { start: at(17, 0), end: at(17, 10) });
  assert.deepEqual(h.range, { start: at(0, 0), end: at(17, 10) });
});

test('pdftotext: a block of labels whose values do not fit them is read as before', () => {
  // "UR Denial Date:" has no value here; "Standard" is the priority, not a date.
  const text = 'Case Number: CM16-0229336\nUR Denial Date:\nPriority: Standard\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n';
  const h = parseLetter(text).header!;
  assert.equal(h.caseNumber?.value, 'CM16-0229336');
  assert.equal(h.urDenialDate, undefined);
  assert.equal(h.priority?.value, 'Standard');
});

test('pdfminer: a date before its label, or on the line of another, is left out rather than given to the wrong label', () => {
  const text =
    'Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0229336\n12/05/2016\n12/30/2016\nStandard\n\n' +
    '10/20/2016\nDate of Injury:\nUR Denial Date:   10/28/2016\n11/28/2016\nApplication\nReceived:\n\n' +
    'HOW THE IMR FINAL DETERMINATION WAS MADE\n';
  const h = parseLetter(text).header!;
  assert.equal(h.caseNumber?.value, 'CM16-0229336');
  assert.equal(h.priority?.value, 'Standard');
  assert.equal(h.dateOfInjury, undefined);
  assert.equal(h.urDenialDate?.value, '2016-10-28');
  assert.equal(h.applicationReceived, undefined);
});

test('pdftotext -layout: "Application 11/28/2016 Received:" is the application date, at its characters', () => {
  const text =
    'Case Number:          CM16-0229336\n' +
    'Priority:             Standard                        Application          11/28/2016\n' +
    '                                                      Received:\n\n' +
    '                 HOW THE IMR FINAL DETERMINATION WAS MADE\n';
  const h = parseLetter(text).header!;
  assert.equal(h.priority?.value, 'Standard');
  assert.equal(h.applicationReceived?.value, '2016-11-28');
  assert.deepEqual(h.applicationReceived?.range, { start: at(1, 75), end: at(1, 85) });
});

test('pdftotext: a page break (an empty line, then a form feed) inside a title does not cut the title', () => {
  const text =
    'IMR ISSUES, DECISIONS AND RATIONALES\n' +
    'The Final Determination was based on decisions for the disputed items/services set forth below:\n' +
    'Physical therapy 12 visits was the original request. Physical therapy 6 visits was authorized by the\n' +
    'Claims Administrator. The remaining IMR eligible portion of the original\n' +
    '\n' +
    '\frequest, Physical therapy 6 visits is: Overturned\n' +
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine.\n' +
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine.\n' +
    'Decision rationale: The request is medically necessary.\n';
  const [item] = parseLetter(text).items;
  assert.equal(item.service, 'Physical therapy 6 visits');
  assert.equal(item.partial?.originalRequest, 'Physical therapy 12 visits');
  assert.deepEqual(item.title.range.start, at(2, 0));
  assert.deepEqual(item.titleLines.length, 3);
  // The form feed is not part of the title's third line.
  assert.deepEqual(item.titleLines[2].start, at(5, 1));
  assert.equal(item.decision, 'Overturned');
});

test('a page break as pdftotext writes it, before any line of a letter, changes nothing a reader sees', () => {
  // The seeds always; every seventh corpus letter when the corpus is there. (All 146 letters, each page break
  // before each of their 11,435 text lines, were checked once by hand: none changed.)
  const letters = [
    ...readdirSync(seedsDir).map((f) => path.join(seedsDir, f)),
    ...(existsSync(lettersDir) ? corpusLetters().filter((_, i) => i % 7 === 0).map((f) => path.join(lettersDir, f)) : []),
  ].map((f) => readFileSync(f, 'utf8'));
  const expected = letters.map((text) => reading(parseLetter(text), text));
  const withBreaks = (text: string, before: Iterable<number>) => {
    const lines = text.split('\n');
    for (const i of before) lines[i] = `\n\f${lines[i]}`;
    return lines.join('\n');
  };
  // Inside every wrapped title, where a cut shows most.
  letters.forEach((text, k) => {
    for (const item of parseLetter(text).items) {
      for (const line of item.titleLines.slice(1)) {
        const broken = withBreaks(text, [line.start.line]);
        assert.deepEqual(reading(parseLetter(broken), broken), expected[k], `letter ${k}, before title line ${line.start.line}`);
      }
    }
  });
  fc.assert(
    fc.property(fc.nat({ max: letters.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (which, at) => {
      // Before text lines only: pdftotext starts each page with the page's first text.
      const textLines = letters[which]
        .split('\n')
        .map((l, i) => (l.trim() !== '' && i > 0 ? i : -1))
        .filter((i) => i > 0);
      const text = withBreaks(letters[which], new Set(at.map((n) => textLines[n % textLines.length])));
      assert.deepEqual(reading(parseLetter(text), text), expected[which]);
    }),
    { numRuns: 150 },
  );
});

// ---- The corpus PDFs through the common extractors, against the same letters as extracted with pypdf ----------


function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Extracts every corpus PDF with `extract(pdf, target)` and hands each extract with the reading of the pypdf text
 * of the same letter to `check`.
 */
function eachExtract(label: string, extract: (pdf: string, target: string) => void, check: (got: ReturnType<typeof reading>, expected: ReturnType<typeof reading>, text: string, what: string) => void) {
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
  assert.ok(pdfs.length >= 6);
  const out = mkdtempSync(path.join(tmpdir(), 'imr-extract-'));
  try {
    for (const pdf of pdfs) {
      const pypdfText = readFileSync(path.join(lettersDir, pdf.replace(/\.pdf$/, '.txt')), 'utf8');
      const expected = reading(parseLetter(pypdfText), pypdfText);
      assert.ok(expected.items.length > 0 && expected.header.caseNumber, pdf);
      const target = path.join(out, `${pdf}.txt`);
      extract(path.join(pdfDir, pdf), target);
      const text = readFileSync(target, 'utf8');
      check(reading(parseLetter(text), text), expected, text, `${pdf} through ${label}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// (pdfminer warns on stderr that these PDFs ask not to be extracted; a failure still throws with its stderr.)
const quiet = { stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[] };
const noPdfs = skipUnless(existsSync(pdfDir), `no corpus PDFs at ${pdfDir} (set IMR_CORPUS)`);
/** The extract tidied by Format Document (imr-letters format) reads as the extract does. */
const sameTidied = (got: ReturnType<typeof reading>, text: string, what: string) => {
  const tidied = tidyLetter(text);
  assert.deepEqual(reading(parseLetter(tidied), tidied), got, `${what}, tidied`);
};
const sameLetter = (got: ReturnType<typeof reading>, expected: ReturnType<typeof reading>, text: string, what: string) => {
  assert.deepEqual(got, expected, what);
  sameTidied(got, text, what);
  // VS Code switches the .txt to the letter language by the markers in its first lines.
  assert.ok(hasLetterMarkers(text), `${what}: no letter markers`);
  // Exact ranges in this text too: each header value, decision word and title reads back at its range.
  const doc = new LineIndex(text);
  const model = parseLetter(text);
  const at = (r: Range) => text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
  for (const [key, field] of Object.entries(model.header ?? {})) if (key !== 'range') assert.equal(at((field as Field).range), (field as Field).text, `${what}: ${key}`);
  for (const item of model.items) {
    assert.equal(at(item.decisionText!.range), item.decisionText!.text, `${what}: item ${item.index} decision`);
    assert.equal(at(item.title.range).replace(/\s+/g, ' '), item.title.text, `${what}: item ${item.index} title`);
  }
};

const pdftotext = onPath('pdftotext');
for (const mode of [[], ['-layout'], ['-raw'], ['-layout', '-eol', 'dos']]) {
  const label = ['pdftotext', ...mode].join(' ');
  test(`every corpus PDF read through ${label} reads as the pypdf text of the same letter`, { skip: noPdfs || skipUnless(pdftotext !== undefined, 'no pdftotext on PATH (bash scripts/setup-pdf-tools.sh installs it)') }, () => {
    eachExtract(label, (pdf, target) => execFileSync(pdftotext!, [...mode, pdf, target], quiet), sameLetter);
  });
}

// The extractor that ships with the product: pdf.js, behind `imr-letters text`, the same text lint and table read.
const builtSkip = skipUnless(existsSync(path.join(distDir, 'pdf.js')), 'dist/ is not built (npm run build)');
const imrText = (pdf: string) => execFileSync(process.execPath, [path.join(distDir, 'cli.js'), 'text', pdf], { encoding: 'utf8' });
test('every corpus PDF read by imr-letters itself (imr-letters text, pdf.js) reads as the pypdf text of the same letter', { skip: noPdfs || builtSkip }, () => {
  eachExtract('imr-letters text', (pdf, target) => writeFileSync(target, imrText(pdf)), (got, expected, text, what) => {
    sameLetter(got, expected, text, what);
    // The reader lays a PDF's text out as Format Document would: nothing to tidy.
    assert.equal(tidyLetter(text), text, `${what}: tidy as read`);
  });
});

// Paragraphs come apart as on the page: an empty line above every heading and labelled paragraph, except one that
// opens a page (pdftotext marks those with a form feed). pypdf is no guide here: it writes a page break as a blank.
test('imr-letters text leaves an empty line above each heading and labelled paragraph of the corpus PDFs, except at a page\'s top', { skip: noPdfs || builtSkip || skipUnless(pdftotext !== undefined, 'no pdftotext on PATH (bash scripts/setup-pdf-tools.sh installs it)') }, () => {
  const labels = /^(?:HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES|Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:)/;
  let gaps = 0;
  for (const pdf of readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'))) {
    const file = path.join(pdfDir, pdf);
    const pageTops = execFileSync(pdftotext!, [file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.startsWith('\f') && labels.test(l.slice(1)))
      .map((l) => l.slice(1).trimEnd());
    const lines = imrText(file).split('\n');
    const withoutGap = lines.filter((l, i) => labels.test(l) && lines[i - 1] !== '');
    gaps += lines.filter((l, i) => labels.test(l) && lines[i - 1] === '').length;
    assert.deepEqual(withoutGap, pageTops, pdf);
  }
  assert.ok(gaps >= 100, `${gaps} gaps`);
});

const mutool = onPath('mutool');
test('every corpus PDF read through mutool (MuPDF) reads as the pypdf text of the same letter', { skip: noPdfs || skipUnless(mutool !== undefined, 'no mutool on PATH (bash scripts/setup-pdf-tools.sh installs it)') }, () => {
  eachExtract('mutool draw -F txt', (pdf, target) => execFileSync(mutool!, ['draw', '-q', '-F', 'txt', '-o', target, pdf], quiet), sameLetter);
});

// pdfminer writes the header's second column out of order ("10/20/2016 Date of Injury: UR Denial Date: 10/28/2016
// 11/28/2016 Application Received:"): a value there may be missing, but none may be another label's.
const pdf2txt = onPath('pdf2txt');
test('through pdfminer (pdf2txt) every item reads the same, and no header field takes another field\'s value', { skip: noPdfs || skipUnless(pdf2txt !== undefined, 'no pdf2txt on PATH (bash scripts/setup-pdf-tools.sh installs it)') }, () => {
  let present = 0;
  eachExtract('pdf2txt', (pdf, target) => execFileSync(pdf2txt!, ['-o', target, pdf], quiet), (got, expected, text, what) => {
    assert.deepEqual({ ...got, header: {} }, { ...expected, header: {} }, what);
    sameTidied(got, text, what);
    for (const [key, value] of Object.entries(got.header)) {
      assert.equal(value, (expected.header as Record<string, string>)[key], `${what}: ${key}`);
      present++;
    }
  });
  // Most fields are there (6 letters × 7 fields; the second column is lost in half of them).
  assert.ok(present >= 30, `${present} header fields read`);
});
