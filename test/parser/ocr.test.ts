// Letters read by OCR (tesseract, ocrmypdf, Adobe): an audit OCR'd 54 letters and listed what the parser got wrong.
// Each pattern it quoted is rebuilt here on a seed as tesseract writes it (test/support/ocr.ts) or a short synthetic
// letter; the OCR text of the real letters stays out of the repository.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../core';
import { lintLetter } from '../../core/lint';
import { replaceOnce } from '../lsp/mutants';
import { tesseractSeed } from '../support/ocr';
import { textAt } from '../support/text';

const seedTitle = '12 Physical Therapy Treatments for The Lumbar Spine';
const seed = tesseractSeed();

function lintCodes(text: string): string[] {
  return lintLetter(parseLetter(text), { text }).map((d) => String(d.code));
}

test('seed 001 as tesseract writes it reads as the seed', () => {
  const model = parseLetter(seed);
  assert.deepEqual(
    model.items.map((i) => [i.title.value, i.decision, i.conclusion]),
    [[seedTitle, 'Upheld', 'not-medically-necessary']],
  );
  assert.deepEqual(model.problems, []);
  assert.deepEqual(lintCodes(seed), []);
});

describe('a blank line inside a title', () => {
  // Tesseract starts a new block after a long title's first (bold) line, or writes a page break as an empty line.
  const partial =
    'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n' +
    '\n' +
    'Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n' +
    '10/325mg #35 is: Upheld';
  const wholeTitle =
    'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the Claims Administrator. ' +
    'The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is';

  test('does not cut the title\'s head: the title, its lines and the partial authorization are whole', () => {
    const text = replaceOnce(seed, `${seedTitle}:  Upheld`, partial);
    const model = parseLetter(text);
    assert.equal(model.items.length, 1);
    const [item] = model.items;
    assert.equal(item.title.value, wholeTitle);
    assert.equal(item.decision, 'Upheld');
    assert.equal(textAt(text, item.decisionText!.range), 'Upheld');
    assert.equal(item.titleLines.length, 3);
    assert.equal(textAt(text, item.titleLines[0]), 'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the');
    assert.equal(textAt(text, item.title.range), partial.slice(0, partial.indexOf(': Upheld')));
    assert.equal(item.partial?.originalRequest, 'Norco 10/325mg #60');
    assert.equal(item.partial?.authorized, 'Norco 10/325mg #25');
    assert.equal(item.partial?.remaining, 'Norco 10/325mg #35');
    assert.equal(textAt(text, item.partial!.ranges.authorized!), 'Norco 10/325mg #25');
    assert.deepEqual(model.problems, []);
    assert.deepEqual(lintCodes(text), []);
  });

  test('a head in lower case ("foot fracture was the original request") joins it too', () => {
    const title =
      'Acute inpatient rehabilitation 7-10 days for left\n\nfoot fracture was the original request. The Claims Administrator authorized Skilled\n' +
      'nursing facility for 7 days, leaving the original request IMR eligible. The original request, Acute inpatient\n' +
      'rehabilitation 7-10 days for left foot fracture is: Upheld';
    const text = replaceOnce(seed, `${seedTitle}:  Upheld`, title);
    const [item] = parseLetter(text).items;
    assert.equal(item.partial?.originalRequest, 'Acute inpatient rehabilitation 7-10 days for left foot fracture');
    assert.equal(textAt(text, item.partial!.ranges.originalRequest), 'Acute inpatient rehabilitation 7-10 days for left\n\nfoot fracture');
    assert.deepEqual(lintCodes(text), []);
  });

  test('a labelled paragraph that lost its full stop, the intro and a title of its own are not a head', () => {
    // The rationale before the second title ends in a word: it is the label's own paragraph, not a title's head.
    const text = replaceOnce(
      seed,
      /Decision rationale:[^]*$/,
      'Decision rationale: The guidelines do not support the therapy, and it is\nnot medically necessary\n\n' +
        'Massage therapy: Overturned\n\nClaims Administrator guideline: Decision based on MTUS.\n\n' +
        'MAXIMUS guideline: Decision based on MTUS.\n\nDecision rationale: The request is medically necessary.\n',
    );
    assert.deepEqual(
      parseLetter(text).items.map((i) => [i.title.value, i.decision, textAt(text, i.titleLines[0]), i.conclusion]),
      [
        [seedTitle, 'Upheld', `${seedTitle}:  Upheld`, 'not-medically-necessary'],
        ['Massage therapy', 'Overturned', 'Massage therapy: Overturned', 'medically-necessary'],
      ],
    );
    // The intro without its colon, and "Lumbar brace: Upheld" (a title of its own, with no paragraphs) before a title.
    const bare = replaceOnce(seed, `set forth below:\n\n${seedTitle}:  Upheld`, `set forth below\n\nLumbar brace: Upheld\n\n${seedTitle}: Upheld`);
    assert.deepEqual(
      parseLetter(bare).items.map((i) => [i.title.value, i.decision]),
      [
        ['Lumbar brace', 'Upheld'],
        [seedTitle, 'Upheld'],
      ],
    );
  });
});
