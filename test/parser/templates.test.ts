// Older templates and non-letters degrade gracefully: the parser finds what it can and says what it could not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseLetter } from '../../core';
import type { Range } from '../../core/model';
import { repoRoot } from '../support/env';
import { textAt } from '../support/text';

test('a 2013 notice: numbered decisions, each counted once, with their rationale', () => {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/templates/notice-2013.txt'), 'utf8');
  const model = parseLetter(text);
  assert.equal(model.isLetter, true);
  assert.equal(model.template, 'notice-2013');
  assert.deepEqual(
    model.items.map((i) => [i.form, i.title.value, i.decision, i.conclusion]),
    [
      ['numbered', 'physical therapy 12 sessions for the lumbar spine', 'Upheld', 'not-medically-necessary'],
      ['numbered', 'MRI of the lumbar spine', 'Overturned', 'medically-necessary'],
    ],
  );
  // The items are the repeated occurrences under the decision heading, not the list at the top.
  const issues = model.sections.find((s) => s.kind === 'issues')!;
  assert.ok(model.items.every((i) => i.range.start.line > issues.headingRange.start.line));
  assert.match(model.items[0].rationale!.text, /^The Claims Administrator based its decision/);
  assert.deepEqual(
    model.problems.map((p) => p.code),
    ['legacy-template'],
  );
  assert.equal(model.header?.caseNumber?.value, 'CM13-0012345');
});

test('a text that is not a letter says so, with a range on its first line', () => {
  const model = parseLetter('Grocery list\nmilk\neggs\n');
  assert.equal(model.isLetter, false);
  assert.deepEqual(model.items, []);
  assert.deepEqual(
    model.problems.map((p) => [p.code, p.range.start.line, p.range.end.character]),
    [['not-a-letter', 0, 'Grocery list'.length]],
  );
});

test('an empty text is an empty model, not an error', () => {
  const model = parseLetter('');
  assert.equal(model.lineCount, 1);
  assert.equal(model.isLetter, false);
});

test('an item whose decision is missing is kept, and the problem points at its title', () => {
  const text = [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ' ',
    'Norco 10/325mg #60',
    ' ',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    ' ',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.',
    ' ',
    'Decision rationale: The request is not medically necessary.',
  ].join('\n');
  const model = parseLetter(text);
  assert.equal(model.items.length, 1);
  assert.equal(model.items[0].title.value, 'Norco 10/325mg #60');
  assert.equal(model.items[0].decision, undefined);
  assert.deepEqual(model.problems.map((p) => [p.code, p.range.start.line]), [['missing-decision', 3]]);
});

test('a misspelt decision is read as written and not normalised', () => {
  const text = [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'MRI of the lumbar spine:  Uphled ',
    'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
    'Decision rationale: The request is not medically necessary.',
  ].join('\r\n');
  const item = parseLetter(text).items[0];
  assert.equal(item.decisionText?.value, 'Uphled');
  assert.deepEqual(item.decisionText?.range, { start: { line: 1, character: 26 }, end: { line: 1, character: 32 } });
  assert.equal(item.decision, undefined);
});

test('an item right after a rationale, with no paragraph break, does not absorb the rationale', () => {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/seeds/001_7412a174a059eca0.txt'), 'utf8');
  const block = text.slice(text.indexOf('12 Physical Therapy'));
  for (const separator of ['\n', '\n\n', '\n\n\n\n', '\n \n']) {
    const model = parseLetter(text.trimEnd() + separator + block);
    assert.deepEqual(
      model.items.map((i) => i.service),
      ['12 Physical Therapy Treatments for The Lumbar Spine', '12 Physical Therapy Treatments for The Lumbar Spine'],
      JSON.stringify(separator),
    );
    // The first item's rationale still ends with its own last sentence.
    assert.match(model.items[0].rationale!.text, /medically necessary\.$/);
  }
});

test('a partial authorization keeps its whole title when the PDF text doubles a space, has a tab or a no-break space, or breaks a line inside its sentences', () => {
  const item = (title: string) =>
    `${title}\nClaims Administrator guideline: Decision based on MTUS.\nMAXIMUS guideline: Decision based on MTUS.\n` +
    'Decision rationale: The request is not medically necessary.\n';
  const titles = [
    'Acupuncture 8 sessions was the original  request.\nAcupuncture 6 sessions was authorized by the Claims Administrator.',
    'Acupuncture 8 sessions was the original\trequest.\nAcupuncture 6 sessions was authorized by the Claims Administrator.',
    'Acupuncture 8 sessions was the original\u00a0request.\nAcupuncture 6 sessions was authorized by the Claims Administrator.',
    'Acupuncture 8 sessions was the original request. Acupuncture 6 sessions was authorized by the Claims\nAdministrator.',
    'Acupuncture 8 sessions was the original\nrequest. Acupuncture 6 sessions was authorized by the Claims Administrator.',
  ];
  for (const written of titles) {
    const text =
      'IMR ISSUES, DECISIONS AND RATIONALES\n\n' +
      item('X-ray: Upheld') +
      '\n' +
      item(`${written}\nThe remaining IMR eligible portion of the original request, Acupuncture 2 sessions is: Upheld`);
    const model = parseLetter(text);
    const where = JSON.stringify(written);
    assert.equal(model.items.length, 2, where);
    const [first, second] = model.items;
    assert.equal(second.title.range.start.line, 7, `${where}: the title starts on its first line`);
    assert.equal(second.partial?.originalRequest, 'Acupuncture 8 sessions', where);
    assert.equal(second.partial?.remaining, 'Acupuncture 2 sessions', where);
    // Each part's range covers it as written.
    const ranges = second.partial!.ranges;
    const at = (r: Range | undefined) => (r ? textAt(text, r).replace(/\s+/g, ' ') : undefined);
    assert.deepEqual([at(ranges.originalRequest), at(ranges.authorized), at(ranges.remaining)], ['Acupuncture 8 sessions', 'Acupuncture 6 sessions', 'Acupuncture 2 sessions'], where);
    assert.deepEqual(first.rationale?.range.end, { line: 5, character: 59 }, `${where}: the rationale before it ends on its own line`);
  }
});

test('the patient: sex and date of injury in the summaries\' other wordings, a date split by a line break included', () => {
  const letter = (summary: string) =>
    parseLetter(`CLINICAL CASE SUMMARY\nThe expert reviewer developed the following clinical case summary:\n${summary}\n\nIMR ISSUES, DECISIONS AND RATIONALES\n`).patient;
  const a = letter('This case involves a now 52-year-old female with a history of an occupational claim from 10/23/2016. The mechanism of injury is detailed as lifting.');
  assert.deepEqual([a.age?.value, a.sex?.value, a.dateOfInjury?.value], [52, 'female', '2016-10-23']);
  const b = letter('This case involves a now 33-year-old male with a history of an occupational claim from 10/14/\n2016. The mechanism of injury is a fall.');
  assert.deepEqual([b.sex?.value, b.dateOfInjury?.value, b.dateOfInjury?.text], ['male', '2016-10-14', '10/14/ 2016']);
  const c = letter('The injured worker is a female who sustained an industrial injury on 10-25-2016. On 08-30-2016, she reported pain.');
  assert.deepEqual([c.age, c.sex?.value, c.dateOfInjury?.value], [undefined, 'female', '2016-10-25']);
  // A claim date is the injury's only when it says so: "the claim was denied on ..." is not.
  assert.equal(letter('The claim was denied on 11/02/2016 by the claims administrator.').dateOfInjury, undefined);
});
