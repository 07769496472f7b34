// The quantities of a service's wording, and the arithmetic of a partial authorization's three parts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOf, partArithmetic, quantitiesOf } from '../../core/text/quantities';

test('quantitiesOf reads digits, decimals, "#N" and number words, and the words around them', () => {
  assert.deepEqual(quantitiesOf('Cyclobenzaprine 7.5mg #90'), { values: [7.5, 90], words: ['cyclobenzaprine', 'mg'], shape: 'cyclobenzaprine \u0001 mg \u0001' });
  // Words an object has by its prototype are words like any other.
  assert.deepEqual(quantitiesOf('constructor toString 2').values, [2]);
  assert.deepEqual(quantitiesOf('Nine sessions of physical therapy').values, [9]);
  // Plurals and a leading "Retrospective" do not change the shape; a word holding a number word is not one.
  assert.equal(quantitiesOf('Retrospective PT 3 times a week for 3 weeks').shape, quantitiesOf('pt 3 times a week for 1 week').shape);
  assert.deepEqual(quantitiesOf('Tendon repair, done once').values, []);
});

test('partArithmetic: the remaining portion is the original less the authorized, number by number', () => {
  assert.deepEqual(partArithmetic('Acupuncture 18 sessions', 'Acupuncture 6 sessions', 'Acupuncture 12 sessions'), { kind: 'adds-up' });
  assert.deepEqual(partArithmetic('Baclofen 100mg #30', 'Baclofen 100mg #27', 'Baclofen 100mg #3'), { kind: 'adds-up' });
  assert.deepEqual(partArithmetic('Occupational therapy for nine sessions', 'for three sessions', 'for six sessions'), { kind: 'adds-up' });
  assert.deepEqual(
    partArithmetic('Occupational therapy for nine sessions', 'Occupational therapy for three sessions', 'Occupational therapy for five sessions'),
    { kind: 'mismatch', original: 9, authorized: 3, remaining: 5 },
  );
  assert.deepEqual(partArithmetic('Acupuncture 8 sessions', 'Acupuncture 6 sessions', 'Acupuncture 3 sessions'), {
    kind: 'mismatch',
    original: 8,
    authorized: 6,
    remaining: 3,
  });
  // Two numbers differ: each adds up, or their product does (12 sessions = 6 + 6); otherwise the reading is in doubt.
  assert.deepEqual(partArithmetic('PT 2 times a week for 3 weeks (6)', 'PT 2 times a week for 1 week (2)', 'PT 2 times a week for 2 weeks (4)'), {
    kind: 'adds-up',
  });
  assert.deepEqual(partArithmetic('PT 2 times a week for 6 weeks', 'PT 2 times a week for 3 weeks', 'PT 1 time a week for 6 weeks'), { kind: 'adds-up' });
  assert.deepEqual(partArithmetic('PT 2 times a week for 6 weeks', 'PT 1 time a week for 2 weeks', 'PT 1 time a week for 2 weeks'), { kind: 'unknown' });
  // Wordings that differ: unknown, unless each gives one count of sessions or visits.
  assert.deepEqual(partArithmetic('EMG/NCS of the right arm', 'NCS of the right arm', 'EMG of the right arm'), { kind: 'unknown' });
  assert.deepEqual(partArithmetic('Ibuprofen 600mg #90 with 2 refill', 'Ibuprofen 600mg #90', 'Two refills of Ibuprofen 600mg #90'), { kind: 'unknown' });
  assert.deepEqual(partArithmetic('Physical therapy two times a week for six weeks (12 sessions)', 'Physical therapy 6 sessions', 'Physical therapy 6 sessions'), {
    kind: 'adds-up',
  });
  // ... and only where the later parts use the original's words: another service authorized is not judged.
  assert.deepEqual(partArithmetic('Acupuncture 8 sessions (2 times 4)', 'Chiropractic 6 sessions', 'Acupuncture 3 sessions'), { kind: 'unknown' });
  assert.deepEqual(partArithmetic('Chiropractic 12 visits followed by re-examination', 'Chiropractic 6 visits', 'Chiropractic 8 visits'), {
    kind: 'mismatch',
    original: 12,
    authorized: 6,
    remaining: 8,
  });
  // Identical wordings decide nothing.
  assert.deepEqual(partArithmetic('Acupuncture 6 sessions', 'Acupuncture 6 sessions', 'Acupuncture 6 sessions'), { kind: 'unknown' });
});

test('countOf finds the one count of sessions or visits, a few words after its number', () => {
  assert.deepEqual(countOf('Eight physical therapy sessions for the lumbar'), { value: 8, unit: 'session' });
  assert.deepEqual(countOf('two times a week for four weeks (8 sessions)'), { value: 8, unit: 'session' });
  assert.deepEqual(countOf('Twelve physical therapy visits'), { value: 12, unit: 'visit' });
  assert.equal(countOf('two sessions for the knee and eight sessions for the wrist'), undefined);
  assert.equal(countOf('Acupuncture treatments (unspecified quantity)'), undefined);
});
