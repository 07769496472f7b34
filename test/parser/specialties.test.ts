// The reviewer's specialties: a misspelt word of a known specialty is mended in the value, kept in the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseLetter } from '../../core/parser/parseLetter';
import { specialtyName } from '../../core/parser/specialtyNames';
import { corpusSkip, lettersDir } from '../support/env';

test('a word one edit from exactly one known specialty word is mended, in the letter\'s case; others are left as written', () => {
  assert.equal(specialtyName('Sports Medicinea'), 'Sports Medicine');
  assert.equal(specialtyName('Orthopedic Surgey'), 'Orthopedic Surgery');
  assert.equal(specialtyName('PHYSICAL MEDICNE & REHABILITATION'), 'PHYSICAL MEDICINE & REHABILITATION');
  assert.equal(specialtyName('Anesthesiolgy'), 'Anesthesiology');
  // Known, unknown but not close to one known word, too short, or close to two: as written.
  for (const name of ['Physical Medicine & Rehabilitation', 'Physical Medicine Rehab', 'Acupuncture', 'Podiatrist', 'Nurse Practitioner', 'Pain Medicine', 'Toxicology']) {
    assert.equal(specialtyName(name), name);
  }
});

test('the letter that writes "Sports Medicinea" reads as Sports Medicine, its text as written', { skip: corpusSkip }, () => {
  const model = parseLetter(readFileSync(path.join(lettersDir, '026_CM16-0238035.txt'), 'utf8'));
  assert.deepEqual(model.reviewer?.specialties.value, ['Orthopedic Surgery', 'Sports Medicine']);
  assert.equal(model.reviewer?.specialties.text, 'Orthopedic Surgery, Sports Medicinea');
});
