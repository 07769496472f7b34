// Older templates and non-letters degrade gracefully: the parser finds what it can and says what it could not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintLetter, parseLetter } from '../../core';
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

test("a remaining portion written as the original request's tail ('with open carpal tunnel release') is the service without its 'with'", () => {
  const text =
    'IMR ISSUES, DECISIONS AND RATIONALES\n\n' +
    'Open reduction internal fixation of the left distal radius with open carpal tunnel release was the original request. ' +
    'Open reduction internal fixation of the left distal radius was authorized by the Claims Administrator. The remaining IMR ' +
    'eligible portion of the original request, with open carpal tunnel release is: Overturned\n' +
    'Claims Administrator guideline: Decision based on MTUS.\nMAXIMUS guideline: Decision based on MTUS.\n' +
    'Decision rationale: The request is medically necessary.\n';
  const [item] = parseLetter(text).items;
  assert.equal(item.partial?.remaining, 'with open carpal tunnel release');
  assert.equal(item.service, 'open carpal tunnel release');
  // A service that starts with the word is left alone when it is not a remaining portion.
  const [plain] = parseLetter(text.replace(/^Open reduction[^\n]*is: Overturned/m, 'With assistance transfer training: Overturned')).items;
  assert.equal(plain.service, 'With assistance transfer training');
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

// The layout's headings are those the DWC decisions of 2013 used (IMRCrawler's PDF parser keys on them, with the
// same line breaks); the letter itself is our own example.
test('a Medical Professional Review: one item from its headings, its decision from the rationale\'s conclusion', () => {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/templates/professional-review.txt'), 'utf8');
  for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\n\n')]) {
    const model = parseLetter(variant);
    assert.equal(model.isLetter, true);
    assert.equal(model.template, 'professional-review');
    assert.equal(model.items.length, 1);
    const [item] = model.items;
    assert.equal(item.form, 'review');
    assert.equal(item.title.value, 'Is the request for a home H-wave device for purchase for the lumbar spine medically necessary and appropriate?');
    assert.equal(textAt(variant, item.title.range).replace(/\s+/g, ' '), item.title.value);
    assert.equal(item.service, 'a home H-wave device for purchase for the lumbar spine');
    assert.equal(item.decision, 'Upheld');
    assert.equal(item.conclusion, 'not-medically-necessary');
    assert.equal(textAt(variant, item.decisionText!.range).replace(/\s+/g, ' '), item.decisionText!.text);
    assert.match(item.decisionText!.text, /not medically necessary/);
    // The wrapped heading is the guideline paragraph's label, over its two lines.
    const guideline = item.maximusGuideline!;
    assert.equal(guideline.label, 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:');
    assert.equal(textAt(variant, guideline.labelRange).replace(/\s+/g, ' '), guideline.label);
    assert.ok(guideline.labelRange.end.line > guideline.labelRange.start.line);
    assert.match(guideline.text, /^MTUS Chronic Pain Medical Treatment Guidelines, H-wave stimulation, pages 117-118/);
    assert.match(item.rationale!.text, /^H-wave stimulation is not recommended/);
    assert.ok(item.rationale!.label.startsWith('RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE'));
    // The item runs from its title through its rationale, not into the reviewer's qualifications.
    assert.deepEqual(item.range.start, item.title.range.start);
    assert.deepEqual(item.range.end, item.rationale!.range.end);
    assert.match(textAt(variant, item.range), /appropriate\.$/);
    assert.equal(item.claimsAdministratorGuideline, undefined);
    assert.deepEqual([model.patient.age?.value, model.patient.sex?.value], [52, 'female']);
    assert.deepEqual(model.reviewer?.specialties.value, ['Physical Medicine & Rehabilitation']);
    assert.deepEqual(model.reviewer?.licensure.value, ['California']);
    assert.equal(model.header?.caseNumber?.value, 'CM13-0023456');
    assert.deepEqual(model.problems.map((p) => p.code), ['legacy-template']);
  }
});

test('a Medical Professional Review that concludes the treatment is necessary is Overturned; one that concludes nothing has no decision, and says so', () => {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/templates/professional-review.txt'), 'utf8');
  const necessary = text.replace(
    /There is no record[\s\S]*?appropriate\.\n/,
    'A one-month trial after a failed TENS trial is documented. The request for a home H-wave device for purchase is medically\nnecessary and appropriate.\n',
  );
  assert.notEqual(necessary, text);
  const [overturned] = parseLetter(necessary).items;
  assert.deepEqual([overturned.decision, overturned.conclusion], ['Overturned', 'medically-necessary']);

  const silent = text.replace(/There is no record[\s\S]*?appropriate\.\n/, 'The records were reviewed.\n');
  const model = parseLetter(silent);
  assert.equal(model.items[0].decision, undefined);
  assert.equal(model.items[0].decisionText, undefined);
  const missing = model.problems.find((p) => p.code === 'missing-decision');
  assert.ok(missing);
  assert.deepEqual(missing.range, model.items[0].title.range);
});

test('a Medical Professional Review lints without the checks of the labelled layout: no missing sections or paragraphs, no uncited decision', () => {
  const text = readFileSync(path.join(repoRoot, 'test/fixtures/templates/professional-review.txt'), 'utf8');
  const diagnostics = lintLetter(parseLetter(text));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['unrecognised-text', 7]],
  );
  // A rationale that concludes nothing leaves the item without a decision: reported on its title, with no quick fix
  // to write a decision word the layout does not have.
  const silentModel = parseLetter(text.replace(/There is no record[\s\S]*?appropriate\.\n/, 'The records were reviewed.\n'));
  const silent = lintLetter(silentModel).filter((d) => d.code === 'unknown-decision');
  assert.deepEqual(
    silent.map((d) => [d.message, d.range, d.data]),
    [
      [
        'Item 1 (a home H-wave device for purchase for the lumbar spine) has no decision: its rationale does not conclude whether the treatment is medically necessary.',
        silentModel.items[0].title.range,
        undefined,
      ],
    ],
  );
});

// A pypdf extract (gaps of spaces, one empty line at a page break) with an item typed after its last one.
function pypdfLetter(tail: string): string {
  return [
    'IMR ISSUES, DECISIONS AND RATIONALES ',
    'The Final Determination was based on decisions for the disputed items/services set forth below: ',
    ' ',
    'MRI of the lumbar spine: Upheld ',
    ' ',
    'Claims Administrator guideline: Decision based on MTUS ACOEM Low Back Complaints 2004. ',
    ' ',
    'MAXIMUS guideline: Decision based on MTUS ACOEM Low Back Complaints 2004. ',
    ' ',
    'Decision rationale: There are no red flags. The patient has not tried conservative care and the ',
    '',
    'request is therefore not medically necessary',
    tail,
  ].join('\n');
}

test('a title alone on its line after an empty line is an item, even after a rationale with no full stop; a page break inside a paragraph is not', () => {
  const typed = pypdfLetter(['', 'Lumbar brace: Overturned', '', 'Claims Administrator guideline: Decision based on MTUS.', '', 'MAXIMUS guideline: Decision based on MTUS.', '', 'Decision rationale: The brace is medically necessary.', ''].join('\n'));
  const model = parseLetter(typed);
  assert.deepEqual(model.items.map((i) => [i.title.value, i.decision, i.conclusion]), [
    ['MRI of the lumbar spine', 'Upheld', 'not-medically-necessary'],
    ['Lumbar brace', 'Overturned', 'medically-necessary'],
  ]);
  // The page break's empty line inside the first rationale joins it.
  assert.match(model.items[0].rationale!.text, /conservative care and the request is therefore not medically necessary$/);
});

test('a title with its decision and no paragraph under it is an item, and the checks say what it lacks', () => {
  for (const [tail, where] of [
    [' \nLumbar brace: Overturned\n', 'last'],
    [' \nLumbar brace: Overturned\n \nKnee brace: Upheld\n \nClaims Administrator guideline: Decision based on MTUS.\n \nMAXIMUS guideline: Decision based on MTUS.\n \nDecision rationale: The brace is not medically necessary.\n', 'before another item'],
  ] as const) {
    const model = parseLetter(pypdfLetter(tail));
    const brace = model.items[1];
    assert.equal(brace?.title.value, 'Lumbar brace', where);
    assert.equal(brace.decision, 'Overturned', where);
    assert.equal(brace.rationale, undefined, where);
    assert.deepEqual(brace.range, { start: { line: 13, character: 0 }, end: { line: 13, character: 24 } }, where);
    // The rationale before it does not take it in.
    assert.match(model.items[0].rationale!.text, /medically necessary$/, where);
    const codes = lintLetter(model).filter((d) => d.range.start.line === 13).map((d) => d.code).sort();
    assert.deepEqual(codes, ['missing-claims-administrator-guideline', 'missing-guideline', 'missing-rationale'], where);
  }
  // A label's line that ends with a decision word is no title, nor a sentence of a rationale that does.
  const labelled = parseLetter(pypdfLetter(' \nMAXIMUS guideline: Upheld\n'));
  assert.ok(!labelled.items.some((i) => /MAXIMUS/i.test(i.title.value)), 'a label is no title');
  const quoted = parseLetter(pypdfLetter('. The prior review was: Upheld\n'));
  assert.equal(quoted.items.length, 1);
});
