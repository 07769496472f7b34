// The coverage bar of the knowledge base: MTUS ≥ 95% and ODG ≥ 85% of citation occurrences in the corpus (seeds included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { citationCoverage, formatCoverage, namesCitedTopics, percent, resolveCitation, entryById } from '../../core/knowledge/index';
import { parseCitations } from '../../core/parser/citations/paragraph';
import { LineIndex } from '../../core/text/lines';
import { corpusLetters, corpusSkip, lettersDir, seedsDir } from '../support/env';

function read(dir: string, names: string[]) {
  return names.map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
}

const seeds = () => read(seedsDir, readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort());

test('corpus and seeds: MTUS ≥ 95% and ODG ≥ 85% of citation occurrences resolve to an entry naming the cited topic', { skip: corpusSkip }, () => {
  const report = citationCoverage([...read(lettersDir, corpusLetters()), ...seeds()]);
  // The real parser must find the citations for the figure to mean anything.
  assert.ok(report.mtus.total >= 500, `only ${report.mtus.total} MTUS citations found`);
  assert.ok(report.odg.total >= 200, `only ${report.odg.total} ODG citations found`);
  assert.ok(percent(report.mtus) >= 95, formatCoverage(report));
  assert.ok(percent(report.odg) >= 85, formatCoverage(report));
});

test('seeds alone: every guideline citation resolves', () => {
  const report = citationCoverage(seeds());
  assert.ok(report.mtus.total >= 15, `only ${report.mtus.total} MTUS citations in the seeds`);
  assert.deepEqual(report.uncovered, []);
});

test('the naming check rejects an entry that does not name the cited topic', () => {
  const text = 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.';
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  const right = resolveCitation(c);
  assert.equal(namesCitedTopics(c, right), true);
  const tens = entryById('cpmtg-tens');
  assert.ok(tens);
  const wrong = { ...right, entries: [tens], matches: [{ cited: 'Massage therapy', entry: tens, via: 'section' as const }] };
  assert.equal(namesCitedTopics(c, wrong), false);
});

test('the report lists what does not resolve, with letter and line', () => {
  const text = [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'Gadget therapy: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Gadget therapy.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Gadget therapy.',
    'Decision rationale: The request is not medically necessary.',
    '',
  ].join('\n');
  const report = citationCoverage([{ name: 'made-up.txt', text }]);
  assert.equal(report.citations, 2);
  assert.ok(report.uncovered.some((u) => u.letter === 'made-up.txt' && u.reason.includes('Gadget therapy')), formatCoverage(report));
  assert.match(formatCoverage(report), /Unresolved citations \(\d+\):\n {2}made-up\.txt:\d+ \[MTUS\] no entry/);
});
