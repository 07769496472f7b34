// Items that go with a surgery: the words that tie them (core/parser/surgery.ts), the links the parser makes, and
// the rule associated-service-conflict over them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { lintLetter } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { isSurgery, readSurgeryDependence, titleBasis } from '../../core/parser/surgery';
import { corpusSkip } from '../support/env';
import { itemsLetter } from '../support/itemsLetter';
import { textAt } from '../support/text';
import { readCorpusLetter, replaceOnce } from '../lsp/mutants';

function dependence(text: string): string | undefined {
  const m = readSurgeryDependence(text);
  return m && `${text.slice(m.from, m.to)} => ${m.necessary ? 'necessary' : 'not necessary'}`;
}

describe('the words that tie an item to a surgery', () => {
  test("a rationale resting on the surgery's fate, either way, in the wordings reviewers use", () => {
    assert.equal(
      dependence('As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.'),
      'As the requested surgical intervention is not medically necessary => not necessary',
    );
    assert.equal(dependence('Since the surgery has been deemed not medically necessary, the sling is not either.'), 'Since the surgery has been deemed not medically necessary => not necessary');
    assert.equal(dependence('Because the primary procedure is non-certified, the assistant is not needed.'), 'Because the primary procedure is non-certified => not necessary');
    assert.equal(dependence("As the surgery isn't indicated, nor is the brace."), undefined, 'no verb the reader knows: left alone rather than guessed');
    assert.equal(dependence('Given that the requested surgery was found to be medically necessary, the cold therapy unit is also medically necessary.'), 'Given that the requested surgery was found to be medically necessary => necessary');
    assert.equal(dependence('As the requested surgical procedure is medically necessary and appropriate, so is the clearance.'), 'As the requested surgical procedure is medically necessary => necessary');
    // A sentence of its own on the other request.
    assert.equal(dependence('The concurrent request for shoulder surgery is supported. The request is medically necessary.'), 'The concurrent request for shoulder surgery is supported => necessary');
    assert.equal(dependence('The concurrent requested surgery is not medically necessary.'), 'The concurrent requested surgery is not medically necessary => not necessary');
  });

  test("a surgery's own conclusion, and rationales that mention surgery otherwise, tie nothing", () => {
    assert.equal(dependence('As such, the requested surgical intervention is not medically necessary.'), undefined);
    assert.equal(dependence('The patient had surgery in 2014. The request is not medically necessary.'), undefined);
    assert.equal(dependence('As the patient is not a surgical candidate, the injection is medically necessary.'), undefined);
    assert.equal(dependence('Physical therapy is recommended. The request is medically necessary.'), undefined);
    // Without "concurrent", a surgery's own verdict; and another concurrent request is no surgery.
    assert.equal(dependence('The requested surgery is supported.'), undefined);
    assert.equal(dependence('The concurrent request for physical therapy was modified.'), undefined);
  });

  test('titles of services that go with an operation', () => {
    assert.equal(titleBasis('Associated surgical service: Cold therapy unit'), 'associated');
    assert.equal(titleBasis('Retrospective: Associated Surgical Services: Sling'), 'associated');
    for (const t of ['Pre-op Clearance', 'Preoperative Medical Clearance', 'Pre-operative EKG', 'Medical Clearance', 'PA assist', 'Assistant PA', 'Assistant surgeon', 'Surgical assistant', 'Intraoperative neuromonitoring'])
      assert.equal(titleBasis(t), 'pre-operative', t);
    for (const t of ['Post-op physical therapy 12-18 sessions', 'Post operative physical therapy for the right knee', 'Postoperative Percocet', 'Post-surgical physical therapy'])
      assert.equal(titleBasis(t), 'post-operative', t);
    for (const t of ['Physical therapy x 12', 'Cold therapy unit', 'Norco 10/325mg #60', 'Operative arthroscopy, right shoulder']) assert.equal(titleBasis(t), undefined, t);
  });

  test('services that are operations, and those that only name one', () => {
    for (const t of [
      'Right shoulder arthroscopy RCR (rotator cuff repair) and decompression',
      'Arthroscopy of the left knee',
      'Neuroplasty, lumbar spine',
      'Left L4-5 laminectomy and discectomy',
      'Right carpal tunnel release',
      'Total knee arthroplasty',
      'L5-S1 fusion',
      'Right knee arthroscopy with evaluation of ACL, medical meniscectomy',
    ])
      assert.equal(isSurgery(t), true, t);
    for (const t of [
      'Tramadol extended release 150mg #30',
      'Myofascial release to the low back',
      '12 sessions of spinal decompression therapy',
      'Spine surgery evaluation for the lumbar',
      'Orthopedic surgical consultation',
      'Consult with hip replacement specialist to evaluation for a total hip arthroplasty',
      'Associated surgical service: Shoulder sling',
      'Post-op physical therapy',
      'Testosterone replacement therapy',
      'MRI of the lumbar spine',
    ])
      assert.equal(isSurgery(t), false, t);
  });
});

const letter = itemsLetter;

const SURGERY = 'Right shoulder arthroscopy with rotator cuff repair';
const DEPENDENT = 'As the requested surgical intervention is not medically necessary per the\ndocumentation, the requested ancillary service is not medically necessary.';

function conflicts(text: string): Diagnostic[] {
  return lintLetter(parseLetter(text), { text, uri: 'file:///letter.txt' }).filter((d) => d.code === 'associated-service-conflict');
}

describe('the parser ties items to the surgery above them', () => {
  test('by title and by rationale, to the nearest surgery above; a service with neither stays untied', () => {
    const model = parseLetter(
      letter([
        ['Physical therapy x 6', 'Upheld', 'The request is not medically necessary.'],
        [SURGERY, 'Upheld', 'As such, the requested surgical intervention is not medically necessary.'],
        ['Associated surgical service: Sling', 'Upheld', DEPENDENT],
        ['Labs to include: EKG', 'Upheld', DEPENDENT],
        ['Post-op physical therapy 2 times a week for 4 weeks', 'Upheld', 'The request is not medically necessary.'],
        ['Norco 10/325mg #60', 'Upheld', 'The request is not medically necessary.'],
        ['Left knee arthroscopy', 'Overturned', 'The request is medically necessary.'],
        ['Pre-op clearance', 'Overturned', 'The request is medically necessary.'],
      ]),
    );
    assert.deepEqual(
      model.items.map((i) => [i.service, i.surgery]),
      [
        ['Physical therapy x 6', undefined],
        [SURGERY, undefined],
        ['Sling', { item: 1, basis: 'associated' }],
        ['Labs to include: EKG', { item: 1, basis: 'rationale' }],
        ['Post-op physical therapy 2 times a week for 4 weeks', { item: 1, basis: 'post-operative' }],
        ['Norco 10/325mg #60', undefined],
        ['Left knee arthroscopy', undefined],
        ['Pre-op clearance', { item: 6, basis: 'pre-operative' }],
      ],
    );
    assert.equal(model.items[2].title.value, 'Associated surgical service: Sling', 'the title keeps what the letter says');
    assert.equal(model.items[3].surgeryDependence?.necessary, false);
  });

  test('a pre-operative service with no surgery above it stays untied', () => {
    const model = parseLetter(letter([['Pre-op clearance', 'Upheld', DEPENDENT], [SURGERY, 'Upheld', 'Not medically necessary.']]));
    assert.equal(model.items[0].surgery, undefined);
    assert.equal(model.items[0].surgeryDependence, undefined, 'a rationale is read for it only below a surgery');
  });

  test('the corpus letter of a denied shoulder surgery: its seven services all go with item 1', { skip: corpusSkip }, () => {
    const model = parseLetter(readCorpusLetter('026_CM16-0238035.txt'));
    assert.equal(model.items.length, 8);
    assert.deepEqual(
      model.items.map((i) => i.surgery && `${i.surgery.item}:${i.surgery.basis}`),
      [undefined, '0:pre-operative', '0:rationale', '0:rationale', '0:post-operative', '0:associated', '0:associated', '0:associated'],
    );
    assert.equal(model.items[5].service, 'Cold compression therapy 30 day rental');
  });
});

describe('associated-service-conflict', () => {
  test("fires on a rationale resting on a denied surgery under an overturned one, at the rationale's words, LF and CRLF", () => {
    for (const eol of ['\n', '\r\n']) {
      const text = letter(
        [
          [SURGERY, 'Overturned', 'The request is medically necessary.'],
          ['Associated surgical service: Cold therapy unit', 'Upheld', DEPENDENT],
        ],
        eol,
      );
      const ds = conflicts(text);
      assert.equal(ds.length, 1);
      assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
      assert.equal(textAt(text, ds[0].range).replace(/\r?\n/g, ' '), 'As the requested surgical intervention is not medically necessary');
      assert.deepEqual(ds[0].range, { start: { line: 16, character: 20 }, end: { line: 16, character: 85 } });
      assert.equal(
        ds[0].message,
        'The rationale of item 2 (Cold therapy unit) rests on the surgery not being medically necessary, but the surgery, item 1 (Right shoulder arthroscopy with rotator cuff repair), is Overturned.',
      );
      assert.deepEqual(ds[0].relatedInformation?.map((r) => [textAt(text, r.location.range), r.message]), [['Overturned', 'The surgery, item 1: Overturned.']]);
    }
  });

  test('fires on a rationale resting on a necessary surgery whose denial is upheld', () => {
    const text = letter([
      [SURGERY, 'Upheld', 'The request is not medically necessary.'],
      ['Assistant surgeon', 'Overturned', 'As the requested surgery is medically necessary, an assistant surgeon is medically necessary.'],
    ]);
    const ds = conflicts(text);
    assert.equal(ds.length, 1, 'one warning, not one per reason');
    assert.equal(textAt(text, ds[0].range), 'As the requested surgery is medically necessary');
  });

  test('fires on an associated or pre-operative service authorized for a denied surgery, at its decision word', () => {
    const text = letter([
      [SURGERY, 'Upheld', 'The request is not medically necessary.'],
      ['Associated surgical service: Sling', 'Overturned', 'A sling is recommended after repair. The request is medically necessary.'],
      ['Pre-op clearance', 'Overturned', 'The request is medically necessary.'],
      ['Post-op physical therapy x 12', 'Overturned', 'The request is medically necessary.'],
    ]);
    const ds = conflicts(text);
    assert.deepEqual(
      ds.map((d) => [d.range.start.line, textAt(text, d.range)]),
      [
        [10, 'Overturned'],
        [18, 'Overturned'],
      ],
      'not the post-operative therapy: it may follow an earlier operation',
    );
    assert.equal(
      ds[0].message,
      'Item 2 (Sling) is Overturned, but the surgery it goes with, item 1 (Right shoulder arthroscopy with rotator cuff repair), is Upheld: the letter authorizes a service for a surgery it denies.',
    );
  });

  test('quiet when the services follow their surgery, either way', () => {
    assert.deepEqual(
      conflicts(
        letter([
          [SURGERY, 'Upheld', 'The request is not medically necessary.'],
          ['Associated surgical service: Sling', 'Upheld', DEPENDENT],
          ['Pre-op clearance', 'Upheld', DEPENDENT],
        ]),
      ),
      [],
    );
    assert.deepEqual(
      conflicts(
        letter([
          [SURGERY, 'Overturned', 'The request is medically necessary.'],
          ['Associated surgical service: Sling', 'Overturned', 'The request is medically necessary.'],
          ['Associated surgical service: Cold therapy unit', 'Upheld', 'Cold therapy units are not recommended. The request is not medically necessary.'],
        ]),
      ),
      [],
      'an associated service denied on its own reasons under an overturned surgery is a decision, not a slip',
    );
  });

  test('quiet on every corpus letter as it is, and fires when a denied surgery of the corpus is overturned', { skip: corpusSkip }, () => {
    const original = readCorpusLetter('026_CM16-0238035.txt');
    assert.deepEqual(conflicts(original), []);
    const text = replaceOnce(original, /and decompression: Upheld/, 'and decompression: Overturned');
    const ds = conflicts(text);
    assert.equal(ds.length, 7, 'the seven services denied because the surgery was: six by their rationale, the clearance too');
    for (const d of ds) assert.match(textAt(text, d.range).replace(/\s+/g, ' '), /^As the requested surgical intervention is not medically necessary$/);
  });
});
