// Letters read by OCR (tesseract, ocrmypdf, Adobe): an audit OCR'd 54 letters and listed what the parser got wrong.
// Each pattern it quoted is rebuilt here on a seed as tesseract writes it (test/support/ocr.ts) or a short synthetic
// letter; the OCR text of the real letters stays out of the repository.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../core';
import { tidyLetter } from '../../core/features/formatting';
import { lintLetter } from '../../core/lint';
import { analyseLayout, isWholeTitleLine } from '../../core/parser/layout';
import { LineIndex } from '../../core/text/lines';
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

describe('text between a title and its paragraphs', () => {
  // Seed 003 (three items) as tesseract writes it; a page break ("\f" opens the next page) after the third title.
  const seed3 = tesseractSeed('003_600b92038191239e.txt');
  const third = 'Myofascial Release:  Overturned';
  const titles = (text: string) => parseLetter(text).items.map((i) => [i.title.value, i.decision]);
  const expected = [
    ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Upheld'],
    ['Manipulation Electro-Muscle Stimulation', 'Upheld'],
    ['Myofascial Release', 'Overturned'],
  ];

  function strayCase(stray: string, written: string): void {
    const text = replaceOnce(seed3, `${third}\n\n`, `${third}${stray}`);
    const model = parseLetter(text);
    assert.deepEqual(titles(text), expected);
    assert.equal(textAt(text, model.items[2].title.range), 'Myofascial Release');
    assert.equal(textAt(text, model.items[2].decisionText!.range), 'Overturned');
    assert.deepEqual(
      model.problems.map((p) => [p.code, textAt(text, p.range)]),
      [['stray-text', written]],
    );
    const diagnostics = lintLetter(model, { text });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textAt(text, d.range)]),
      [['unrecognised-text', written]],
    );
    assert.match(diagnostics[0].message as string, /^Text between a title and its paragraphs, left out of the title \(a page's header or footer, or a logo, read out of place\?\): "/);
    assert.ok((diagnostics[0].message as string).includes(written.slice(0, 40)));
  }

  test('a logo read out of order at the page\'s end is stray text, and the title before it keeps its decision', () => {
    strayCase('\n\nFederal Services | Sa\n\f', 'Federal Services | Sa');
  });
  test('a page footer of its own between the title and the page break', () => {
    strayCase('\n\nPage 2 of 3\n\f', 'Page 2 of 3');
  });
  test('a fax header that opens the next page in the title\'s paragraph', () => {
    strayCase('\n\fJAN-12-2017 10:31 FROM:MAXIMUS FEDERAL SVCS 9165551234 TO:5551234 P.2/3\n\n', 'JAN-12-2017 10:31 FROM:MAXIMUS FEDERAL SVCS 9165551234 TO:5551234 P.2/3');
  });
  test('a title without a decision after a rationale stays the title (nothing before it has one)', () => {
    const text = replaceOnce(seed3, `${third}\n`, 'Myofascial Release\n');
    const model = parseLetter(text);
    assert.deepEqual(titles(text)[2], ['Myofascial Release', undefined]);
    assert.deepEqual(model.problems.map((p) => p.code), ['missing-decision']);
  });
});

describe('page furniture: a running header or footer at every page break', () => {
  // Seed 003 on three pages, a footer at each page's end, one page break inside a partial authorization's title
  // (which OCR wrote as two blocks) and one inside a rationale; tesseract ends each page with a form feed.
  const seed3 = tesseractSeed('003_600b92038191239e.txt');
  const partial =
    'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n\nPage 1 of 3\n' +
    '\fClaims Administrator. The remaining IMR eligible portion of the original request, Norco\n10/325mg #35 is: Upheld';
  const paged = (footer: (page: number) => string) =>
    `${replaceOnce(
      replaceOnce(seed3, 'Manipulation Electro-Muscle Stimulation:  Upheld', partial.replace('Page 1 of 3', footer(1))),
      'short treatment period or\n',
      `short treatment period or\n${footer(2)}\n\f`,
    )}\n${footer(3)}\n`;

  for (const [kind, footer] of [
    ['"Page N of 3"', (n: number) => `Page ${n} of 3`],
    ['a fax header', (n: number) => `JAN-12-2017 10:3${n} FROM:MAXIMUS FEDERAL SVCS 9165551234 TO:5551234 P.${n}/3`],
  ] as const) {
    test(`${kind} is left out of titles and paragraphs, and no problem is reported`, () => {
      const text = paged(footer);
      const model = parseLetter(text);
      assert.deepEqual(
        model.items.map((i) => [i.title.value, i.decision, i.conclusion]),
        [
          ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Upheld', 'not-medically-necessary'],
          [
            'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Norco 10/325mg #35 is',
            'Upheld',
            'not-medically-necessary',
          ],
          ['Myofascial Release', 'Overturned', 'medically-necessary'],
        ],
      );
      const norco = model.items[1];
      assert.deepEqual(
        norco.titleLines.map((r) => textAt(text, r)),
        [
          'Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the',
          '\fClaims Administrator. The remaining IMR eligible portion of the original request, Norco',
          '10/325mg #35 is: Upheld',
        ].map((l) => l.replace('\f', '')),
      );
      assert.equal(norco.partial?.authorized, 'Norco 10/325mg #25');
      assert.match(model.items[2].rationale!.text, /the short treatment period or treatments such as these/);
      assert.deepEqual(model.problems, []);
      assert.deepEqual(lintCodes(text), []);
      // Format Document keeps the furniture's words.
      const tidy = tidyLetter(text);
      for (let n = 1; n <= 3; n++) assert.ok(tidy.includes(footer(n)), footer(n));
    });
  }

  test('a line at the pages\' edges that the letter holds elsewhere, a label and a decision are not furniture', () => {
    const edge = (line: string) =>
      `${replaceOnce(
        replaceOnce(seed3, 'not recommended, the request is not medically necessary.\n', `not recommended, the request is not medically necessary.\n${line}\n\f`),
        'guidelines, the request is not medically necessary.\n',
        `guidelines, the request is not medically necessary.\n${line}\n\f`,
      )}\n${line}\n`;
    // "Therapy Page(s): 60." is a line of the second MAXIMUS guideline paragraph.
    for (const line of ['Therapy Page(s): 60.', 'Overturned', 'MAXIMUS guideline: Decision based on MTUS.']) {
      const text = edge(line);
      const layout = analyseLayout(new LineIndex(text));
      assert.deepEqual(
        text.split('\n').filter((_, i) => layout.isFurniture(i)),
        [],
        line,
      );
    }
    // The same three lines with no other place in the letter: furniture.
    const text = edge('Physical Therapy Associates');
    const layout = analyseLayout(new LineIndex(text));
    assert.equal(text.split('\n').filter((_, i) => layout.isFurniture(i)).length, 3);
  });
});

describe('a decision word OCR misread, or its colon', () => {
  const seedLine = `${seedTitle}:  Upheld`;
  const item = (text: string) => parseLetter(text).items[0];

  for (const misread of ['Uphe1d', 'UpheId', 'Uphe|d', '0verturned', 'Overtumed']) {
    test(`"${misread}" is found as the decision word, and stays no decision`, () => {
      const text = replaceOnce(seed, seedLine, `${seedTitle}:  ${misread}`);
      const model = parseLetter(text);
      const [it] = model.items;
      assert.equal(it.title.value, seedTitle);
      assert.equal(textAt(text, it.title.range), seedTitle);
      assert.equal(it.decision, undefined);
      assert.equal(textAt(text, it.decisionText!.range), misread);
      assert.deepEqual(model.problems, []);
      assert.deepEqual(lintCodes(text), ['unknown-decision']);
    });
  }

  test('a semicolon for the colon: the decision is read and the title does not keep it', () => {
    const text = replaceOnce(seed, seedLine, `${seedTitle}; Upheld`);
    const it = item(text);
    assert.equal(it.title.value, seedTitle);
    assert.equal(textAt(text, it.title.range), seedTitle);
    assert.equal(it.decision, 'Upheld');
    assert.deepEqual(lintCodes(text), []);
  });

  test('a colon lost: the decision word ends the title even when the title holds another colon', () => {
    const text = replaceOnce(seed, seedLine, 'Associated surgical service: Slingshot sling Overturned');
    const it = item(text);
    assert.equal(it.title.value, 'Associated surgical service: Slingshot sling');
    assert.equal(it.service, 'Slingshot sling');
    assert.equal(it.decision, 'Overturned');
    assert.equal(textAt(text, it.decisionText!.range), 'Overturned');
  });

  test('a word that qualifies the decision makes a phrase that is no decision, as before', () => {
    for (const phrase of ['Partially Overturned', 'not upheld']) {
      const text = replaceOnce(seed, seedLine, `${seedTitle}: ${phrase}`);
      const it = item(text);
      assert.equal(it.title.value, seedTitle, phrase);
      assert.equal(it.decision, undefined, phrase);
      assert.equal(textAt(text, it.decisionText!.range), phrase);
    }
  });

  test('a title whose decision OCR misread is the title before stray text, and a whole title line for the layout', () => {
    const seed3 = tesseractSeed('003_600b92038191239e.txt');
    const text = replaceOnce(seed3, 'Myofascial Release:  Overturned\n\n', 'Myofascial Release: 0verturned\n\nFederal Services | Sa\n\f');
    const model = parseLetter(text);
    assert.deepEqual(
      model.items.map((i) => [i.title.value, i.decisionText?.text]),
      [
        ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Upheld'],
        ['Manipulation Electro-Muscle Stimulation', 'Upheld'],
        ['Myofascial Release', '0verturned'],
      ],
    );
    assert.deepEqual(model.problems.map((p) => p.code), ['stray-text']);
    assert.ok(isWholeTitleLine('Lumbar brace; Uphe1d'));
    assert.ok(!isWholeTitleLine('Lumbar brace: Uphold it'));
  });
});

describe('the header table as OCR reads it', () => {
  // Tesseract writes the table row by row, a table rule as "|", and may read a digit as a letter or split a number.
  const header = (caseNumber: string, decisionDate = '12/30/2016') =>
    `MAXIMUS Federal Services\n\nCase Number: ${caseNumber}\n\nDate Assigned: 12/09/2016 Date of Injury: 10/27/2016\n\n` +
    `Decision Date: ${decisionDate} UR Denial Date: | 11/15/2016\n\nPriority: Standard Application 12/05/2016\nReceived:\n\n${seed}`;

  for (const [written, value] of [
    ['CM16-0231 706', 'CM16-0231706'],
    ['CM17-00081 77', 'CM17-0008177'],
    ['CM17-001 7693', 'CM17-0017693'],
    ['OM16-0246487', 'CM16-0246487'],
    ['CM16-O229336', 'CM16-0229336'],
    ['CM16-02293l6', 'CM16-0229316'],
  ]) {
    test(`case number "${written}" reads as ${value}, its range the text as written`, () => {
      const text = header(written);
      const h = parseLetter(text).header!;
      assert.equal(h.caseNumber?.value, value);
      assert.equal(h.caseNumber?.text, written);
      assert.equal(textAt(text, h.caseNumber!.range), written);
      assert.equal(h.dateAssigned?.value, '2016-12-09');
    });
  }

  test('a case number of other digits is read as before, not run into the next number', () => {
    assert.equal(parseLetter(header('CM16-022933 12/05/2016')).header?.caseNumber?.value, 'CM16-022933');
    assert.equal(parseLetter(header('CM16-0229336')).header?.caseNumber?.value, 'CM16-0229336');
  });

  test('a date with "l" for "1" or "O" for "0" reads as the date, not a shorter one inside it, and no date-order alarm', () => {
    for (const [written, value] of [
      ['l2/30/2016', '2016-12-30'],
      ['12/3O/2016', '2016-12-30'],
      ['l01/17/2017', '2017-01-17'],
    ]) {
      const text = header('CM16-0234202', written);
      const h = parseLetter(text).header!;
      assert.equal(h.decisionDate?.value, value, written);
      assert.equal(textAt(text, h.decisionDate!.range), h.decisionDate!.text, written);
      assert.equal(h.urDenialDate?.value, '2016-11-15');
      assert.ok(!lintCodes(text).includes('date-order'), written);
    }
  });
});

describe('the reviewer\'s credentials as OCR reads them', () => {
  const seed3 = tesseractSeed('003_600b92038191239e.txt');
  const credentials = 'State(s) of Licensure: California, District of Columbia, Maryland\nCertification(s)/Specialty: Anesthesiology, Pain Management';
  const reviewer = (written: string) => {
    const text = replaceOnce(seed3, credentials, written);
    const r = parseLetter(text).reviewer!;
    return { text, r, licensure: r.licensure.value, specialties: r.specialties.value };
  };

  test('seed 003 as tesseract writes it', () => {
    const { licensure, specialties } = reviewer(credentials);
    assert.deepEqual(licensure, ['California', 'District of Columbia', 'Maryland']);
    assert.deepEqual(specialties, ['Anesthesiology', 'Pain Management']);
  });

  test('a value ends with its paragraph: a line of the case summary OCR put after it is not a specialty', () => {
    const { text, r, specialties } = reviewer(`${credentials}\n\ncase file, including all medical records:`);
    assert.deepEqual(specialties, ['Anesthesiology', 'Pain Management']);
    assert.equal(textAt(text, r.specialties.range), 'Anesthesiology, Pain Management');
    assert.equal(textAt(text, r.range), credentials);
  });

  test('"Certification(s /Specialty:" is the specialty label, and the licensure does not run into it', () => {
    const { text, r, licensure, specialties } = reviewer(credentials.replace('Certification(s)/', 'Certification(s /'));
    assert.deepEqual(licensure, ['California', 'District of Columbia', 'Maryland']);
    assert.equal(textAt(text, r.licensure.range), 'California, District of Columbia, Maryland');
    assert.deepEqual(specialties, ['Anesthesiology', 'Pain Management']);
  });

  test('a full stop OCR read for a comma separates two names; an initial\'s does not', () => {
    const { licensure, specialties } = reviewer(
      'State(s) of Licensure: California.Texas,Florida\nCertification(s)/Specialty: Anesthesiology, Pain Management. Hospice & Palliative Medicine',
    );
    assert.deepEqual(licensure, ['California', 'Texas', 'Florida']);
    assert.deepEqual(specialties, ['Anesthesiology', 'Pain Management', 'Hospice & Palliative Medicine']);
    assert.deepEqual(reviewer(credentials.replace('District of Columbia', 'Washington D.C.')).licensure, ['California', 'Washington D.C.', 'Maryland']);
  });
});

describe('labels and headings OCR misread', () => {
  const seed3 = tesseractSeed('003_600b92038191239e.txt');
  const read = (text: string) => {
    const model = parseLetter(text);
    return {
      model,
      items: model.items.map((i) => [
        i.title.value,
        i.decision,
        i.conclusion,
        [i.claimsAdministratorGuideline, i.maximusGuideline, i.rationale].map((p) => p?.label),
      ]),
    };
  };
  const expected = (labels: (string | undefined)[][]) =>
    [
      ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Upheld', 'not-medically-necessary'],
      ['Manipulation Electro-Muscle Stimulation', 'Upheld', 'not-medically-necessary'],
      ['Myofascial Release', 'Overturned', 'medically-necessary'],
    ].map((item, i) => [...item, labels[i]]);
  const labels = ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'];

  for (const [from, to] of [
    ['Decision rationale:', 'Decision rationa1e:'],
    ['Claims Administrator guideline:', 'Claims Adrninistrator guideline:'],
    ['MAXIMUS guideline:', 'MAXlMUS guideline;'],
    ['Decision rationale:', 'Decision rationale;'],
  ]) {
    test(`"${to}" is the label "${from}", its range the label as written`, () => {
      const text = seed3.replaceAll(from, to);
      const { model, items } = read(text);
      assert.deepEqual(items, expected([0, 1, 2].map(() => labels.map((l) => (l === from ? to : l)))));
      const paragraph = [model.items[2].claimsAdministratorGuideline, model.items[2].maximusGuideline, model.items[2].rationale][labels.indexOf(from)]!;
      assert.equal(textAt(text, paragraph.labelRange), to);
      assert.deepEqual(model.problems, []);
      assert.deepEqual(lintCodes(text), []);
    });
  }

  test('words that are not a label once folded are not one: "Decision rationales:", "Decision rationale is below:"', () => {
    for (const line of ['Decision rationales:', 'Decision rationale is below:', 'Decisive rationale:']) {
      const text = replaceOnce(seed3, 'Decision rationale: Per the ACOEM', `${line} Per the ACOEM`);
      assert.equal(parseLetter(text).items[0].rationale, undefined, line);
    }
  });

  test('headings with "1" or "l" for "I" are the headings, and the reviewer is found under them', () => {
    const text = seed3
      .replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DEC1SIONS AND RATIONALES')
      .replace('CLINICAL CASE SUMMARY', 'CLlNICAL CASE SUMMARY')
      .replace('HOW THE IMR FINAL DETERMINATION WAS MADE', 'HOW THE lMR FINAL DETERMINATION WAS MADE');
    const model = parseLetter(text);
    const seedModel = parseLetter(seed3);
    assert.deepEqual(
      model.sections.map((s) => [s.kind, textAt(text, s.headingRange)]),
      [
        ['how-made', 'HOW THE lMR FINAL DETERMINATION WAS MADE'],
        ['clinical-summary', 'CLlNICAL CASE SUMMARY'],
        ['issues', 'IMR ISSUES, DEC1SIONS AND RATIONALES'],
      ],
    );
    assert.deepEqual(model.reviewer?.specialties.value, seedModel.reviewer?.specialties.value);
    assert.deepEqual(read(text).items, read(seed3).items);
    assert.deepEqual(lintCodes(text), []);
    // A heading that opens with "l" for "I".
    assert.equal(parseLetter(text.replace('IMR ISSUES, DEC1SIONS', 'lMR ISSUES, DECISIONS')).sections[2]?.kind, 'issues');
  });
});
