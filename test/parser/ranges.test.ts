// Exact ranges: titles, decision words and labelled paragraphs point at the right characters, also
// after the letter is converted to CRLF, double-spaced, or has astral characters inserted before an item.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type LetterModel, lintLetter, parseLetter } from '../../core';
import { corpusLetters, corpusSkip, lettersDir, repoRoot, seedsDir } from '../support/env';
import { textAt } from '../support/text';
import { rangeContains } from '../../core/text/lines';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every range of the model reads back as the text the model says is there. */
function assertRangesReadBack(text: string, model: LetterModel, where: string) {
  for (const item of model.items) {
    const label = `${where} item ${item.index}`;
    assert.equal(collapse(textAt(text, item.title.range)), item.title.value, `${label}: title`);
    if (item.decisionText) {
      // A 2013 numbered decision's phrase ("not medically necessary"), and a Medical Professional Review's concluding
      // sentence, are read from collapsed text.
      const written = textAt(text, item.decisionText.range);
      assert.equal(item.form === 'numbered' || item.form === 'review' ? collapse(written) : written, item.decisionText.text, `${label}: decision`);
    }
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) {
      if (!p) continue;
      // A Medical Professional Review's labels wrap over two lines: read from collapsed text.
      const writtenLabel = textAt(text, p.labelRange);
      assert.equal(item.form === 'review' ? collapse(writtenLabel) : writtenLabel, p.label, `${label}: label`);
      if (p.textRange) assert.equal(collapse(textAt(text, p.textRange)), p.text, `${label}: ${p.kind} text`);
    }
    if (item.surgeryDependence) {
      assert.match(
        collapse(textAt(text, item.surgeryDependence.range)),
        /^(?:as|since|because|given that) .* (?:necessary|indicated|supported|certified|approved|warranted|appropriate)$/i,
        `${label}: the rationale's words resting on the surgery`,
      );
    }
    if (item.conclusionPhrase) {
      // The words that conclude: a keyword, a negation when the conclusion is negative, within the conclusion's clause.
      const phrase = collapse(textAt(text, item.conclusionPhrase));
      assert.match(phrase, /medically[- ]\w+|medical[- ]necessity|\bnecessary\b/i, `${label}: conclusion phrase`);
      if (item.conclusion === 'not-medically-necessary')
        assert.match(phrase, /\b(?:not|cannot|can not|never|no longer|neither|non)\b|n't/i, `${label}: the negation is in the phrase`);
      assert.ok(item.conclusionRange && rangeContains(item.conclusionRange, item.conclusionPhrase), `${label}: phrase within the clause`);
    }
    for (const c of [...(item.maximusGuideline?.citations ?? []), ...(item.claimsAdministratorGuideline?.citations ?? [])]) {
      assert.equal(collapse(textAt(text, c.range)), c.text, `${label}: citation`);
    }
    // The item's range runs from its title (a 2013 numbered decision: from its sentence) to the end of its rationale.
    if (item.form !== 'numbered') assert.deepEqual(item.range.start, item.titleLines.length > 0 ? item.title.range.start : item.range.start);
    if (item.rationale) assert.deepEqual(item.range.end, item.rationale.range.end, `${label}: item ends with its rationale`);
  }
  for (const s of model.sections) assert.equal(textAt(text, s.headingRange), s.heading);
  if (model.header?.caseNumber) assert.equal(textAt(text, model.header.caseNumber.range), model.header.caseNumber.text);
  if (model.reviewer) assert.equal(collapse(textAt(text, model.reviewer.specialties.range)), model.reviewer.specialties.text);
}

/** A projection of the model without positions, to compare across transformations. */
function shape(model: LetterModel) {
  return model.items.map((i) => ({
    title: i.title.value,
    decision: i.decision,
    service: i.service,
    conclusion: i.conclusion,
    ca: i.claimsAdministratorGuideline?.text,
    maximus: i.maximusGuideline?.text,
    rationale: i.rationale?.text,
    citations: i.maximusGuideline?.citations.map((c) => c.text),
    surgery: i.surgery && `${i.surgery.item}:${i.surgery.basis}:${i.surgeryDependence?.necessary}`,
  }));
}

const seeds = readdirSync(seedsDir).map((f) => path.join(seedsDir, f));
// Our own letters: the seeds, and the sample of a surgery with its services.
const ownLetters = [...seeds, path.join(repoRoot, 'samples', 'malformed-associated-service.txt')];
const letters = corpusLetters()
  .filter((_, i) => i % 7 === 0)
  .map((f) => path.join(lettersDir, f));

const toCrlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
const doubleSpaced = (t: string) => t.replace(/\r?\n/g, '\n\n');

describe('exact ranges', () => {
  for (const file of ownLetters) {
    test(`${path.basename(file)}: ranges read back, as written and in CRLF`, () => {
      const text = readFileSync(file, 'utf8');
      assertRangesReadBack(text, parseLetter(text), 'LF');
      const crlf = toCrlf(text);
      const model = parseLetter(crlf);
      assertRangesReadBack(crlf, model, 'CRLF');
      assert.deepEqual(shape(model), shape(parseLetter(text)));
    });
  }

  test('corpus letters: ranges read back as written, in CRLF and double-spaced', { skip: corpusSkip }, () => {
    assert.ok(letters.length > 10);
    for (const file of letters) {
      const text = readFileSync(file, 'utf8');
      const original = parseLetter(text);
      assertRangesReadBack(text, original, path.basename(file));
      for (const [name, variant] of [
        ['CRLF', toCrlf(text)],
        ['double-spaced', doubleSpaced(text)],
      ] as const) {
        const model = parseLetter(variant);
        assertRangesReadBack(variant, model, `${path.basename(file)} ${name}`);
        assert.deepEqual(shape(model), shape(original), `${path.basename(file)} ${name}`);
      }
      // Double-spacing doubles every line number and keeps the characters.
      const doubled = parseLetter(doubleSpaced(text));
      doubled.items.forEach((item, i) => {
        assert.deepEqual(item.title.range.start, {
          line: original.items[i].title.range.start.line * 2,
          character: original.items[i].title.range.start.character,
        });
      });
    }
  });

  test('white space as PDFs give it: spaces as no-break spaces or tabs, or doubled, read and lint as plain spaces', () => {
    const templatesDir = path.join(repoRoot, 'test', 'fixtures', 'templates');
    const files = [...ownLetters, ...readdirSync(templatesDir).map((f) => path.join(templatesDir, f)), ...letters];
    const codes = (text: string, model: LetterModel) => lintLetter(model, { text, now: new Date('2026-01-01') }).map((d) => d.code);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const original = parseLetter(text);
      for (const [name, variant] of [
        ['no-break spaces before capitals', text.replace(/ (?=[A-Z])/g, '\u00a0')],
        ['no-break spaces', text.replace(/ /g, '\u00a0')],
        ['tabs', text.replace(/ /g, '\t')],
        ['doubled spaces', text.replace(/ /g, '  ')],
      ] as const) {
        const where = `${path.basename(file)}, ${name}`;
        const model = parseLetter(variant);
        assert.equal(model.template, original.template, where);
        assert.deepEqual(shape(model), shape(original), where);
        assert.deepEqual(codes(variant, model), codes(text, original), where);
        assertRangesReadBack(variant, model, where);
      }
    }
  });

  test('astral characters before an item shift its columns by UTF-16 code units', () => {
    // Two emoji (two UTF-16 units each) and an e with a combining acute accent (two units).
    const PREFIX = '\u{1F600}\u{1FA7A}e\u0301 ';
    const text = readFileSync(seeds.find((f) => f.includes('003_'))!, 'utf8');
    const before = parseLetter(text);
    const third = before.items[2];
    const line = third.title.range.start.line;
    const lines = text.split('\n');
    lines[line] = `${PREFIX}${lines[line]}`;
    const shifted = lines.join('\n');
    const after = parseLetter(shifted);
    assertRangesReadBack(shifted, after, 'astral');
    const moved = after.items[2];
    assert.equal(moved.title.value, `${PREFIX}${third.title.value}`);
    assert.deepEqual(moved.decisionText!.range.start, {
      line,
      character: third.decisionText!.range.start.character + PREFIX.length,
    });
    assert.equal(PREFIX.length, 7, 'UTF-16 length of the prefix');
    // Items before it do not move.
    assert.deepEqual(after.items[0].range, before.items[0].range);
  });
});
