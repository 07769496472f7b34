// The rationale's conclusion, read negation-aware over the wordings of real letters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConclusion } from '../../core/parser/conclusion';

// Each wording, what it concludes, and the words that say so (the negation included).
const cases: [string, string, string][] = [
  ['Therefore, the request is not medically necessary.', 'not-medically-necessary', 'not medically necessary'],
  ['As such, the request is determined to not be medically necessary.', 'not-medically-necessary', 'not be medically necessary'],
  ['The request cannot be considered medically necessary at this time.', 'not-medically-necessary', 'cannot be considered medically necessary'],
  ['Thus, the request is not-medically necessary.', 'not-medically-necessary', 'not-medically necessary'],
  ['The request does not appear medically necessary.', 'not-medically-necessary', 'not appear medically necessary'],
  ['The MRI is not supported by the provided records as being medically necessary at this time.', 'not-medically-necessary', 'not supported by the provided records as being medically necessary'],
  ['Therefore, the requested Diclofenac ER 100mg #60 is not seen as medically necessary.', 'not-medically-necessary', 'not seen as medically necessary'],
  ['The quantity requested cannot be deemed medically necessary without further evidence of efficacy.', 'not-medically-necessary', 'cannot be deemed medically necessary'],
  ['The medical necessity of the request has not been established.', 'not-medically-necessary', 'medical necessity of the request has not been established'],
  ['As such, the request is not necessary.', 'not-medically-necessary', 'not necessary'],
  ['Therefore, the request is medically necessary and appropriate.', 'medically-necessary', 'medically necessary'],
  ['The requested surgery is a medical necessity to the patient.', 'medically-necessary', 'medical necessity'],
  ['MRI of the left knee without contrast is medically necessary.', 'medically-necessary', 'medically necessary'],
  ['Given the documented improvement, the request is medically necessary.', 'medically-necessary', 'medically necessary'],
  ['The guideline criteria are met; medical necessity has been established.', 'medically-necessary', 'medical necessity'],
  ['The applicant was seen on 11/08/2016 and reported pain.', 'unclear', ''],
  ['', 'unclear', ''],
  ['The request is not, therefore, medically necessary.', 'not-medically-necessary', 'not, therefore, medically necessary'],
  ['The request is not, however, medically necessary at this time.', 'not-medically-necessary', 'not, however, medically necessary'],
  ['The request is, however, medically necessary.', 'medically-necessary', 'medically necessary'],
];

for (const [sentence, expected, phrase] of cases) {
  test(`"${sentence}" → ${expected}`, () => {
    const found = readConclusion(sentence);
    assert.equal(found.conclusion, expected);
    assert.equal(sentence.slice(found.phraseFrom, found.phraseTo), phrase);
    // The phrase lies within the clause.
    assert.ok(found.from <= found.phraseFrom && found.phraseTo <= found.to);
  });
}

test('the last verdict wins over boilerplate that mentions medical necessity afterwards', () => {
  const text =
    'As such, the request is not medically necessary. This decision addresses the medical necessity of opioids as they have been prescribed. This medical necessity decision should not be interpreted as a recommendation to stop, and if necessary, other guidelines apply.';
  const found = readConclusion(text);
  assert.equal(found.conclusion, 'not-medically-necessary');
  assert.equal(text.slice(found.from, found.to), 'As such, the request is not medically necessary.');
});

test('a purpose or a condition is not a verdict', () => {
  assert.equal(readConclusion('Imaging is medically necessary to rule out a fracture if symptoms persist.').conclusion, 'unclear');
  assert.equal(readConclusion('Treatment may continue if medically necessary.').conclusion, 'unclear');
});

test('a quotation ending a sentence ends the clause before the verdict', () => {
  for (const close of ['"', '”']) {
    const text = `Per the MTUS: "Treatments such as these do not address the underlying causes of pain.${close} The request IS medically necessary.`;
    const found = readConclusion(text);
    assert.equal(found.conclusion, 'medically-necessary');
    assert.equal(text.slice(found.from, found.to), 'The request IS medically necessary.');
  }
  // A quotation inside a sentence does not end it.
  const inside = 'The request for "massage" is not medically necessary.';
  assert.equal(inside.slice(readConclusion(inside).from, readConclusion(inside).to), inside);
});
