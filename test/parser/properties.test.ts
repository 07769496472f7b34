// Property tests: the parser never throws, its ranges lie inside the document and nest, and it is deterministic.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { type LetterModel, type Range, parseLetter } from '../../core';
import { rangeContains } from '../../core/text/lines';
import { corpusLetters, lettersDir, repoRoot, seedsDir } from '../support/env';

const templatesDir = path.join(repoRoot, 'test', 'fixtures', 'templates');

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(range: Range, lengths: number[], what: string) {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} outside 0..${lengths.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} past the line's end`);
  }
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: start after end`,
  );
}

function assertWellFormed(text: string, model: LetterModel) {
  const lengths = lineLengths(text);
  assert.equal(model.lineCount, lengths.length);
  for (const p of model.problems) {
    assertInside(p.range, lengths, `problem ${p.code}`);
    assert.notEqual(p.code, 'unreadable', `a part of the parser failed: ${p.message}`);
  }
  for (const s of model.sections) {
    assertInside(s.range, lengths, 'section');
    assert.ok(rangeContains(s.range, s.headingRange), 'section contains its heading');
  }
  let previousEnd = { line: 0, character: 0 };
  for (const item of model.items) {
    assertInside(item.range, lengths, 'item');
    assert.ok(rangeContains({ start: previousEnd, end: item.range.end }, item.range), 'items in order, not overlapping');
    previousEnd = item.range.end;
    assertInside(item.title.range, lengths, 'title');
    assert.ok(rangeContains(item.range, item.title.range), 'item contains its title');
    if (item.decisionText) assert.ok(rangeContains(item.range, item.decisionText.range), 'item contains its decision');
    if (item.dateOfService) assert.ok(rangeContains(item.title.range, item.dateOfService.range), 'title contains its date of service');
    if (item.partial) {
      const { originalRequest, authorized, remaining } = item.partial.ranges;
      for (const r of [originalRequest, authorized, remaining]) {
        if (!r) continue;
        assertInside(r, lengths, 'partial authorization part');
        assert.ok(rangeContains(item.title.range, r), 'title contains the parts of its partial authorization');
      }
    }
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) {
      if (!p) continue;
      assertInside(p.range, lengths, p.kind);
      assert.ok(rangeContains(item.range, p.range), `item contains its ${p.kind}`);
      assert.ok(rangeContains(p.range, p.labelRange), 'paragraph contains its label');
      if (p.textRange) assert.ok(rangeContains(p.range, p.textRange), 'paragraph contains its text');
    }
    for (const g of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      for (const c of g?.citations ?? []) {
        assertInside(c.range, lengths, 'citation');
        assert.ok(g!.textRange && rangeContains(g!.textRange, c.range), 'paragraph text contains its citations');
      }
    }
    if (item.surgeryDependence) {
      assert.ok(item.rationale?.textRange && rangeContains(item.rationale.textRange, item.surgeryDependence.range), 'the rationale contains its words resting on the surgery');
    }
    // A surgery is an item above, itself tied to none.
    if (item.surgery) assert.ok(item.surgery.item < item.index && !model.items[item.surgery.item].surgery, 'an item goes with a surgery above it');
  }
}

const letterTexts = [
  ...readdirSync(seedsDir).map((f) => readFileSync(path.join(seedsDir, f), 'utf8')),
  // The older templates, whose items are read another way.
  ...readdirSync(templatesDir).map((f) => readFileSync(path.join(templatesDir, f), 'utf8')),
  // A surgery with the services that go with it.
  readFileSync(path.join(repoRoot, 'samples', 'malformed-associated-service.txt'), 'utf8'),
  ...corpusLetters()
    .filter((_, i) => i % 10 === 0)
    .map((f) => readFileSync(path.join(lettersDir, f), 'utf8')),
];

/** A letter-like alphabet, so that random strings hit labels, colons and decision words often. */
const letterish = fc.constantFrom(
  'Upheld',
  'Overturned',
  ':',
  ' ',
  '\n',
  '\r\n',
  '\r',
  ' \n',
  'MAXIMUS guideline:',
  'Claims Administrator guideline:',
  'Decision rationale:',
  'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'CLINICAL CASE SUMMARY\n',
  'HOW THE IMR FINAL DETERMINATION WAS MADE\n',
  'Case Number: CM16-0219557 ',
  'Date of Injury: 10/10/2016 ',
  // pdftotext's forms: a header written column by column, a page break, a label wrapped around its value.
  'Date Assigned:\nPriority:\n\n12/05/2016\nStandard\n',
  '\n\n\f',
  '\f',
  'Application 11/28/2016\nReceived:',
  'Page(s): 98-99,',
  'Acupuncture 8 sessions was the original request. ',
  '6 sessions was authorized by the Claims Administrator. ',
  'The remaining IMR eligible portion of the original request, Acupuncture 2 sessions is: Upheld\n',
  '(DOS 11/18/16)',
  'Section(s): Opioids',
  'not medically necessary.',
  'http://www.example.org/',
  'a',
  '\u{1F600}',
  '\0',
  '\uD800',
);

test('never throws on arbitrary strings; ranges inside and nested; deterministic', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(letterish, { maxLength: 120 }).map((a) => a.join(''))), (text) => {
      const model = parseLetter(text);
      assertWellFormed(text, model);
      assert.deepEqual(parseLetter(text), model);
    }),
    { numRuns: 600 },
  );
});

test('never throws on letters with random line deletions, duplications, splits and page breaks', () => {
  const edit = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'split', 'blank', 'page'),
    at: fc.nat(),
    column: fc.nat(),
  });
  fc.assert(
    fc.property(fc.nat({ max: letterTexts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
      const lines = letterTexts[which].split('\n');
      for (const e of edits) {
        const i = e.at % lines.length;
        if (e.kind === 'delete' && lines.length > 1) lines.splice(i, 1);
        else if (e.kind === 'duplicate') lines.splice(i, 0, lines[i]);
        else if (e.kind === 'blank') lines.splice(i, 0, e.column % 2 ? ' ' : '');
        // A page break as pdftotext writes it: an empty line, and a form feed before the next page's first line.
        else if (e.kind === 'page') lines.splice(i, 1, '', `\f${lines[i]}`);
        else {
          const c = e.column % (lines[i].length + 1);
          lines.splice(i, 1, lines[i].slice(0, c), lines[i].slice(c));
        }
      }
      const text = lines.join('\n');
      const model = parseLetter(text);
      assertWellFormed(text, model);
      assert.deepEqual(parseLetter(text), model);
    }),
    { numRuns: 300 },
  );
});

test('the unchanged letters are well formed too', () => {
  for (const text of letterTexts) assertWellFormed(text, parseLetter(text));
});
