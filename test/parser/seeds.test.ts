// The five seed letters, with expectations written by hand from reading them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { type LetterModel, parseLetter } from '../../core';
import { seedsDir } from '../support/env';
import { textAt as at } from '../support/text';

function seed(prefix: string): { text: string; model: LetterModel } {
  const name = ['000_2e67a60e31d1e457', '001_7412a174a059eca0', '002_152cfa9104ed247b', '003_600b92038191239e', '004_a9481a5a1cd48426'].find((n) =>
    n.startsWith(prefix),
  );
  const text = readFileSync(path.join(seedsDir, `${name}.txt`), 'utf8');
  return { text, model: parseLetter(text) };
}

const summary = (m: LetterModel) =>
  m.items.map((i) => ({ title: i.title.value, decision: i.decision, conclusion: i.conclusion }));

test('seed 000: one upheld item, inline credentials, an ACOEM page citation', () => {
  const { text, model } = seed('000');
  assert.deepEqual(summary(model), [
    { title: '12 SESSIONS OF SPINAL DECOMPRESSION THERAPY', decision: 'Upheld', conclusion: 'not-medically-necessary' },
  ]);
  assert.equal(model.reviewer?.form, 'inline');
  assert.deepEqual(model.reviewer?.specialties.value, ['Neuromusculoskeletal Medicine']);
  assert.deepEqual(model.reviewer?.licensure.value, ['Arizona']);
  assert.equal(at(text, model.reviewer!.licensure.range), 'Arizona');
  assert.equal(model.header, undefined, 'the seeds have no header table');
  const maximus = model.items[0].maximusGuideline!;
  assert.equal(maximus.text, 'Decision based on MTUS ACOEM Page(s): 308.');
  assert.deepEqual(maximus.citations[0]?.pages, [{ from: 308, to: 308 }]);
});

test('seed 001: a subspecialty in the inline sentence, two MTUS citations and an ODG one', () => {
  const { model } = seed('001');
  assert.deepEqual(summary(model), [
    { title: '12 Physical Therapy Treatments for The Lumbar Spine', decision: 'Upheld', conclusion: 'not-medically-necessary' },
  ]);
  assert.deepEqual(model.reviewer?.specialties.value, ['Physical Medicine Rehab', 'Pain Medicine']);
  const cites = model.items[0].maximusGuideline!.citations;
  assert.deepEqual(
    cites.map((c) => [c.kind, c.source, c.pages]),
    [
      ['mtus', 'MTUS', [{ from: 298, to: 298 }]],
      ['mtus', 'MTUS', [{ from: 98, to: 98 }]],
      ['non-mtus', 'ODG', undefined],
    ],
  );
  assert.equal(cites[0].chapter?.number, 12);
});

test('seed 002: the reviewer did not base the decision on the MTUS; ACOEM 3rd edition', () => {
  const { model } = seed('002');
  assert.deepEqual(summary(model), [
    { title: 'SACROCOCCYGEAL CORTISONE INJECTION', decision: 'Upheld', conclusion: 'not-medically-necessary' },
  ]);
  const maximus = model.items[0].maximusGuideline!;
  assert.deepEqual(
    maximus.statements.map((s) => s.kind),
    ['not-based-on-mtus'],
  );
  assert.equal(maximus.citations.length, 1);
  assert.equal(maximus.citations[0].source, 'ACOEM');
});

test('seed 003: the credentials block and three items, one overturned', () => {
  const { text, model } = seed('003');
  assert.deepEqual(summary(model), [
    { title: 'Mechanical Traction 2 x 4 weeks for the Lumbar Spine', decision: 'Upheld', conclusion: 'not-medically-necessary' },
    { title: 'Manipulation Electro-Muscle Stimulation', decision: 'Upheld', conclusion: 'not-medically-necessary' },
    { title: 'Myofascial Release', decision: 'Overturned', conclusion: 'medically-necessary' },
  ]);
  assert.equal(model.reviewer?.form, 'block');
  assert.deepEqual(model.reviewer?.licensure.value, ['California', 'District of Columbia', 'Maryland']);
  assert.deepEqual(model.reviewer?.specialties.value, ['Anesthesiology', 'Pain Management']);
  assert.deepEqual(
    { age: model.patient.age?.value, sex: model.patient.sex?.value, injury: model.patient.dateOfInjury?.value },
    { age: 45, sex: 'female', injury: '2011-10-20' },
  );
  assert.deepEqual(
    model.sections.map((s) => [s.kind, s.heading]),
    [
      ['how-made', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
      ['clinical-summary', 'CLINICAL CASE SUMMARY'],
      ['issues', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    ],
  );
  const [first, second, third] = model.items;
  assert.deepEqual(first.maximusGuideline!.citations[0].pages, [{ from: 300, to: 300 }]);
  assert.deepEqual(second.maximusGuideline!.citations[0].pages, [{ from: 114, to: 116 }]);
  assert.deepEqual(third.maximusGuideline!.citations[0].pages, [{ from: 60, to: 60 }]);
  // The Claims Administrator paragraph of item 1 wraps over two lines with blank lines between.
  assert.match(first.claimsAdministratorGuideline!.text, /^Decision based on MTUS Chronic Pain Treatment Guidelines Manual therapy and manipulation\. Decision based on Non-MTUS Citation Official Disability Guidelines, Online Edition, Low Back Chapter/);
  assert.equal(at(text, third.decisionText!.range), 'Overturned');
  assert.equal(at(text, third.title.range), 'Myofascial Release');
});

test('seed 004: four upheld items, a chapter 5 citation with neck-chapter pages', () => {
  const { model } = seed('004');
  assert.deepEqual(
    model.items.map((i) => [i.title.value, i.decision]),
    [
      ['20 SESSIONS OF CERVICAL DECOMPRESSION THERAPY', 'Upheld'],
      ['8 SESSIONS OF MASSAGE THERAPY', 'Upheld'],
      ['UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE', 'Upheld'],
      ['REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL EPIDURAL STEROID INJECTION', 'Upheld'],
    ],
  );
  const chapter5 = model.items[1].maximusGuideline!.citations[0];
  assert.equal(chapter5.chapter?.number, 5);
  assert.deepEqual(chapter5.pages, [{ from: 173, to: 174 }]);
  assert.deepEqual(model.items[1].maximusGuideline!.citations[1].pages, [{ from: 60, to: 60 }]);
  assert.deepEqual(model.reviewer?.specialties.value, ['Physical Medicine & Rehabilitation']);
});
