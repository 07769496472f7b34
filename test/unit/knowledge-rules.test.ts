// Tests of the knowledge rules citation-page-mismatch and unresolved-citation, on the seeds, the corpus and mutants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintLetter } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { citationPageMismatch } from '../../core/rules/citationPageMismatch';
import { unresolvedCitation } from '../../core/rules/unresolvedCitation';
import { allRules } from '../../core/rules/index';
import type { Rule } from '../../core/rules/rule';
import { LineIndex } from '../../core/text/lines';
import { corpusLetters, corpusSkip, lettersDir, seedsDir } from '../support/env';

const now = new Date('2026-01-01');

function run(rule: Rule, text: string) {
  return rule.check({ model: parseLetter(text), text, lines: new LineIndex(text), now });
}

function covered(text: string, r: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  const doc = new LineIndex(text);
  return text.slice(doc.offsetAt(r.range.start), doc.offsetAt(r.range.end)).replace(/\s+/g, ' ');
}

const seedText = (f: string) => readFileSync(path.join(seedsDir, f), 'utf8');
const seedNames = () => readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

test('both rules are in the rule list with their docs links and severities', () => {
  assert.ok(allRules.includes(citationPageMismatch));
  assert.ok(allRules.includes(unresolvedCitation));
  assert.equal(citationPageMismatch.defaultSeverity, 'warning');
  assert.equal(unresolvedCitation.defaultSeverity, 'information');
});

test('citation-page-mismatch: seed 004 (Chapter 5, pages 173-174) and no other seed', () => {
  for (const f of seedNames()) {
    const text = seedText(f);
    const reports = run(citationPageMismatch, text);
    if (!f.startsWith('004_')) {
      assert.deepEqual(reports, [], f);
      continue;
    }
    assert.equal(reports.length, 1, JSON.stringify(reports));
    assert.match(covered(text, reports[0]), /^Decision based on MTUS ACOEM Chapter 5 Cornerstones of Disability Prevention and Management Page\(s\): 173-174$/);
    assert.match(reports[0].message, /Chapter 8/);
  }
});

test('citation-page-mismatch: a topic cited with another topic\'s page', () => {
  const text = seedText('003_600b92038191239e.txt').replace('Therapy Page(s): 60.', 'Therapy Page(s): 98.');
  const reports = run(citationPageMismatch, text);
  assert.equal(reports.length, 1);
  assert.match(reports[0].message, /do not hold "Massage Therapy".*page\(s\) 60/);
});

test('citation-page-mismatch: a page past the end of the 2009 guideline, whatever topic is named (seed 004 edited)', () => {
  const seed = seedText('004_a9481a5a1cd48426.txt');
  const cases: [string, string][] = [
    ['Chronic Pain Treatment Guidelines Massage \n\nTherapy Page(s): 60.', 'Chronic Pain Treatment Guidelines Opioids \n\nPage(s): 200.'],
    ['Chronic Pain Treatment Guidelines Massage \n\nTherapy Page(s): 60.', 'Chronic Pain Treatment Guidelines Massage \n\nTherapy Page(s): 200.'],
    ['Chronic Pain Treatment Guidelines Massage \n\nTherapy Page(s): 60.', 'Chronic Pain Treatment Guidelines Page(s): 200.'],
  ];
  for (const [from, to] of cases) {
    const text = seed.replace(from, to);
    assert.notEqual(text, seed);
    const reports = run(citationPageMismatch, text).filter((r) => /127 pages/.test(r.message));
    assert.equal(reports.length, 1, to);
    assert.equal(reports[0].message, 'The 2009 Chronic Pain Medical Treatment Guidelines have 127 pages; page 200 is past the end.');
    assert.match(covered(text, reports[0]), /Page\(s\): 200$/);
  }
});

test('citation-page-mismatch: a citation naming no edition in a letter decided under the 2016 guideline is not checked; naming 2009 it is', { skip: corpusSkip }, () => {
  const letter = readFileSync(path.join(lettersDir, '001_CM16-0219557.txt'), 'utf8');
  const cite = (g: string) => letter.replace(/MAXIMUS guideline: Decision based on [^]*?pg\. 607\./, `MAXIMUS guideline: Decision based on MTUS ${g} Massage Therapy Page(s): 98.`);
  assert.deepEqual(run(citationPageMismatch, cite('Chronic Pain Treatment Guidelines')), []);
  const named = run(citationPageMismatch, cite('Chronic Pain Treatment Guidelines (Effective July 18, 2009)'));
  assert.equal(named.length, 1);
  assert.match(named[0].message, /do not hold "Massage Therapy"/);
});

test('citation-page-mismatch fires nowhere in the corpus letters (precision)', { skip: corpusSkip }, () => {
  const fired: string[] = [];
  for (const f of corpusLetters()) {
    for (const r of run(citationPageMismatch, readFileSync(path.join(lettersDir, f), 'utf8'))) fired.push(`${f}:${r.range.start.line + 1} ${r.message}`);
  }
  assert.deepEqual(fired, []);
});

test('unresolved-citation: quiet on the seeds and the corpus, fires on an unknown section', { skip: corpusSkip }, () => {
  for (const f of seedNames()) assert.deepEqual(run(unresolvedCitation, seedText(f)), [], f);
  const all: string[] = [];
  for (const f of corpusLetters()) {
    for (const r of run(unresolvedCitation, readFileSync(path.join(lettersDir, f), 'utf8'))) all.push(`${f}: ${r.message}`);
  }
  assert.deepEqual(all, []);
  const letter = readFileSync(path.join(lettersDir, '009_CM16-0231745.txt'), 'utf8');
  const mutated = letter.replace('Section(s): Ultrasound, therapeutic.', 'Section(s): Ultrasound, therapeutic, Hyperbaric oxygen chambers.');
  assert.notEqual(mutated, letter);
  const reports = run(unresolvedCitation, mutated);
  assert.equal(reports.length, 1, JSON.stringify(reports));
  assert.match(reports[0].message, /no entry for "Hyperbaric oxygen chambers" in Chronic Pain Medical Treatment Guidelines/);
});

test('unresolved-citation: names the unknown section and the guideline and ranges only its words, one section or two', { skip: corpusSkip }, () => {
  const letter = readFileSync(path.join(lettersDir, '009_CM16-0231745.txt'), 'utf8');
  // Two sections, one known: only the unknown one's words.
  const two = letter.replace('Section(s): Ultrasound, therapeutic.', 'Section(s): Topical analgesics, Hyperbaric\noxygen chambers.');
  assert.notEqual(two, letter);
  const [r2, ...more2] = run(unresolvedCitation, two);
  assert.deepEqual(more2, []);
  assert.equal(r2.message, 'The guideline knowledge base has no entry for "Hyperbaric oxygen chambers" in Chronic Pain Medical Treatment Guidelines.');
  assert.equal(covered(two, r2), 'Hyperbaric oxygen chambers');
  // One section, unknown: named as a section, not the whole citation; the ODG entry of that name is mentioned.
  const one = letter.replace('Section(s): Ultrasound, therapeutic.', 'Section(s): Antiemetics (for opioid\nnausea).');
  const [r1, ...more1] = run(unresolvedCitation, one);
  assert.deepEqual(more1, []);
  assert.equal(
    r1.message,
    'The guideline knowledge base has no entry for "Antiemetics (for opioid nausea)" in Chronic Pain Medical Treatment Guidelines; it has "Pain: Antiemetics (for opioid nausea)" in Official Disability Guidelines.',
  );
  assert.equal(covered(one, r1), 'Antiemetics (for opioid nausea)');
  const unknown = letter.replace('Section(s): Ultrasound, therapeutic.', 'Section(s): Hyperbaric oxygen chambers.');
  const [r0] = run(unresolvedCitation, unknown);
  assert.equal(r0.message, 'The guideline knowledge base has no entry for "Hyperbaric oxygen chambers" in Chronic Pain Medical Treatment Guidelines.');
  assert.equal(covered(unknown, r0), 'Hyperbaric oxygen chambers');
});

test('unresolved-citation: "A & B" of several words each names two sections', () => {
  const text = seedText('003_600b92038191239e.txt').replace(
    /MAXIMUS guideline: Decision based on /,
    'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Shoulder, Surgery for shoulder dislocation & Surgery for biceps\ntenodesis. Decision based on ',
  );
  const reports = run(unresolvedCitation, text);
  assert.equal(reports.length, 1, JSON.stringify(reports));
  assert.equal(reports[0].message, 'The guideline knowledge base has no entry for "Surgery for shoulder dislocation" and "Surgery for biceps tenodesis" in Official Disability Guidelines.');
  assert.equal(covered(text, reports[0]), 'Surgery for shoulder dislocation & Surgery for biceps tenodesis');
});

test('unresolved-citation: without a line index from the caller (the command line), the same places, item after item', () => {
  // The rules share one line index a lint, built on first use (one per report made a letter of a thousand unknown
  // sections quadratic); its places must be those of the caller's index, with LF and with CRLF.
  const seed = seedText('003_600b92038191239e.txt');
  const withUnknown = seed.replace(/MAXIMUS guideline: Decision based on /, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Hyperbaric\noxygen chambers. Decision based on ');
  assert.notEqual(withUnknown, seed);
  const start = withUnknown.indexOf('IMR ISSUES');
  const body = withUnknown.slice(withUnknown.indexOf('\n', start) + 1);
  const lf = withUnknown + '\n' + body.repeat(5);
  for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
    const model = parseLetter(text);
    const without = lintLetter(model, { text }).filter((d) => d.code === 'unresolved-citation');
    const withLines = lintLetter(model, { text, lines: new LineIndex(text) }).filter((d) => d.code === 'unresolved-citation');
    assert.equal(without.length, model.items.length / (parseLetter(seed).items.length));
    assert.ok(without.length >= 6, `${without.length} reports`);
    assert.deepEqual(without, withLines);
    for (const d of without) assert.equal(covered(text, d), 'Hyperbaric oxygen chambers');
  }
});
