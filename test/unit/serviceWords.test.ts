// The kind of service an item decides (core/text/serviceWords.ts): what the precedents and the folder summary's
// service groups compare.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../core/parser/parseLetter';
import { sameServiceKey } from '../../core/summary/folderStats';
import { serviceKind } from '../../core/text/serviceWords';
import { corpusLetters, corpusSkip, lettersDir } from '../support/env';

test('one kind whatever the quantity, dose, side, schedule, plural, synonym or word order', () => {
  const same = [
    ['Norco 10/325mg #60', 'Norco 5/325mg #30', 'Retrospective: Norco 7.5-325mg #112'],
    ['MRI of the cervical spine', 'Cervical spine MRI without contrast', 'MRI (magnetic resonance imaging) of the cervical spine', 'MRI Cervical Spine', 'cervical MRI'],
    ['EMG/NCV of the bilateral upper extremities', 'NCV/EMG bilateral upper extremity', 'EMG/NCS of the upper extremities'],
    ['NCS of the left upper extremity', 'Nerve conduction velocity studies of the upper extremity', 'Nerve Conduction Velocity, upper extremity', 'Nerve conduction study of the right upper extremity'],
    ['X-rays of the lumbar spine', 'Lumbar spine x-ray', 'One (1) x-ray of the lumbar spine', 'Radiographs of the lumbar spine'],
    ['Physical therapy 2 times a week for 6 weeks', 'Eight (8) physical therapy sessions', 'Physical Therapy sessions, 12', 'Additional physical therapy x 6'],
    ['Associated surgical service: Cold therapy unit, 7 day rental', 'Cold therapy unit'],
    // The spine's regions by their other names.
    ['Physical therapy for the lumbar spine 2 times a week for 3 weeks', 'Physical therapy to the low back two sessions', 'Physical therapy 2 times a week for 6 weeks lower back'],
    ['MRI of the neck', 'MRI of the cervical spine'],
    // A brand and its generic name.
    ['Norco 10/325mg #90', 'Hydrocodone/APAP 10/325mg #60', 'Hydrocodone/acetaminophen 7.5/325', 'Vicodin'],
    ['Ultram 50mg #60', 'Tramadol 50mg #30'],
    ['Meloxicam (Mobic) 7.5mg #30', 'Mobic 15mg', 'Meloxicam 7.5mg'],
    ['Flexeril 10mg #90', 'Cyclobenzaprine 7.5mg #60'],
    ['Lidoderm patches', 'Lidocaine 5% patch #30'],
  ];
  for (const group of same) for (const s of group) assert.equal(serviceKind(s), serviceKind(group[0]), `${s} ~ ${group[0]}`);
  assert.equal(serviceKind('MRI of the cervical spine'), 'cervical mri');
});

test('other kinds: another body part, another drug, another test, a repeat', () => {
  const different = [
    ['MRI of the cervical spine', 'MRI of the lumbar spine'],
    ['MRI of the lumbar spine', 'Repeat MRI of the lumbar spine'],
    ['MRI of the lumbar spine without contrast', 'MRI for lumbar spine with contrast'],
    ['MRI of the lumbar spine', 'MRI of the lumbar spine with and without contrast'],
    ['Norco 10/325mg #60', 'Percocet 10/325mg #60'],
    ['Norco 10/325mg #60', 'Hydrocodone ER 20mg'],
    ['Tramadol 50mg', 'Tramadol ER 150mg'],
    ['Lidoderm patch', 'Lidocaine ointment 5%'],
    ['EMG of the upper extremities', 'EMG/NCS of the upper extremities'],
    ['Physical therapy for the knee', 'Physical therapy for the lumbar spine'],
    ['Lidocaine 5% patch', 'Lidocaine 5% ointment'],
  ];
  for (const [a, b] of different) assert.notEqual(serviceKind(a), serviceKind(b), `${a} / ${b}`);
});

test('any string gives a kind: no exception, in lower case, the same for the same words in another order or spacing (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('MRI', 'Norco', 'of', 'the', 'lumbar', 'spine', 'x-ray', '#60', '10/325mg', 'with contrast', 'Left', '(', ')'), fc.string({ maxLength: 8 })), { maxLength: 8 }), (words) => {
      const kind = serviceKind(words.join(' '));
      assert.equal(typeof kind, 'string');
      assert.equal(kind, kind.toLowerCase());
      assert.equal(serviceKind(words.join('   ')), kind);
    }),
    { numRuns: 500 },
  );
  assert.equal(serviceKind('MRI lumbar spine'), serviceKind('lumbar spine MRI'));
});

test('a service of nothing but numbers keeps its words', () => {
  assert.equal(serviceKind('#60'), '#60');
  assert.equal(serviceKind('  12 x  6 '), '12 x 6');
});

test('over the corpus: more items find a precedent, and every group is of one kind', { skip: corpusSkip }, () => {
  const services = corpusLetters().flatMap((f) => parseLetter(readFileSync(path.join(lettersDir, f), 'utf8')).items.map((i) => i.service));
  const withPrecedent = (key: (s: string) => string) => {
    const counts = new Map<string, number>();
    for (const s of services) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    return services.filter((s) => counts.get(key(s))! > 1).length;
  };
  const exact = withPrecedent(sameServiceKey);
  const kind = withPrecedent(serviceKind);
  assert.ok(kind >= 2 * exact, `items with another of their service in the corpus: ${kind} by kind, ${exact} by the same words`);
});
