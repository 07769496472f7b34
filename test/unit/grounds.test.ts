// The grounds a rationale gives (core/parser/grounds.ts): which sentences count, how negation reads, the exact ranges
// of the sentences, the hovers, the panel's context, the folder breakdown, and hand-checked corpus items.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { itemGrounds } from '../../core/features/grounds';
import { workspaceLetterOf } from '../../core/features/workspaceLetter';
import { sameServiceText } from '../../core/summary/precedents';
import { createLanguageService } from '../../core/languageService';
import { folderLetterOf } from '../../core/folderLetter';
import { groundKindsOf, groundWords, readGrounds, sentenceSpans } from '../../core/parser/grounds';
import { parseLetter } from '../../core/parser/parseLetter';
import { readSurgeryDependence } from '../../core/parser/surgery';
import { breakdowns, filterRows, noFilter } from '../../core/summary/folderStats';
import { folderRows, summarizeFolder } from '../../core/summary/folderRows';
import { groundKinds, groundLabel, groundSide, noGroundRead } from '../../core/summary/grounds';
import type { GroundKind } from '../../core/model';
import { corpusLetters, corpusSkip, repoRoot } from '../support/env';
import { readCorpusLetter } from '../lsp/mutants';
import { textAt } from '../support/text';
import { itemsLetter } from '../support/itemsLetter';

const kinds = (text: string, service?: string) => groundKindsOf(readGrounds(text, service));

describe('reading the grounds of a rationale', () => {
  test('each ground from a sentence about the case, in its usual wordings', () => {
    const cases: [string, GroundKind][] = [
      ['There is no documentation of objective functional improvement with the prior sessions.', 'no-functional-improvement'],
      ['The patient had decreased pain with medications, however, there was no documentation of functional improvement.', 'no-functional-improvement'],
      ['However, there were no red flags noted on physical examination.', 'no-red-flags'],
      ['In this case, the documentation submitted for review did not indicate a definitive neurological deficit.', 'no-red-flags'],
      ['There is no evidence the patient has trialed and failed first line therapy prior to this request.', 'conservative-care-not-tried'],
      ['There is no evidence that the CURES was checked and documented prior to prescribing the medication.', 'medication-monitoring'],
      ['The requested 12 sessions exceeds the guideline recommendation.', 'beyond-guideline-limits'],
      ['The requested service did not specify the quantity of acupuncture treatments.', 'request-unspecified'],
      ['However, given that the guidelines specifically do not recommend shockwave therapy for the back, the request is not supported.', 'not-recommended'],
      ['Given the objective functional improvement from previous treatment, the request is medically necessary.', 'functional-improvement'],
      ['This individual meets published criteria for acute inpatient rehabilitation.', 'criteria-met'],
      ['The records indicate a neurologic deficit.', 'red-flags-present'],
      ['Based on the clinical notes submitted for review, the patient has failed conservative treatment options.', 'conservative-care-failed'],
      ['The request for initial 12 sessions is within the recommended guidelines.', 'within-guideline-limits'],
    ];
    for (const [sentence, kind] of cases) assert.deepEqual(kinds(sentence), [kind], sentence);
  });

  test("docs/grounds.md's examples give the ground of their row, and its table names every ground as the panels do", () => {
    const rows = readFileSync(path.join(repoRoot, 'docs', 'grounds.md'), 'utf8')
      .split('\n')
      .filter((l) => /^\| `[a-z-]+` \|/.test(l))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, '')));
    assert.deepEqual(rows.map((r) => r[0].replace(/`/g, '')), [...groundKinds]);
    for (const [code, shown, examples] of rows) {
      const kind = code.replace(/`/g, '') as GroundKind;
      assert.equal(shown, groundLabel(kind));
      const sentences = [...examples.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      assert.ok(sentences.length > 0);
      for (const sentence of sentences) {
        // The surgery's fate is core/parser/surgery.ts's reading, of an item below a surgery.
        if (kind.startsWith('surgery-')) assert.equal(readSurgeryDependence(sentence)?.necessary, kind === 'surgery-necessary', sentence);
        else assert.deepEqual(kinds(sentence), [kind], sentence);
      }
    }
  });

  test('a sentence may give several grounds, and each kind is listed once in the order first read', () => {
    const text =
      'The medical records do not report further conservative care of at least 1 month or indicate other red flags. There were no red flag symptoms. There is lack of documentation of functional improvement.';
    assert.deepEqual(kinds(text), ['no-red-flags', 'conservative-care-not-tried', 'no-functional-improvement']);
    assert.equal(readGrounds(text).length, 4, 'the red flags twice, in two sentences');
  });

  test("the guideline restated, generalised or quoted is no ground: only the rationale's findings about the case", () => {
    for (const sentence of [
      // A guideline's own date is not the case's.
      'Chronic Pain Medical Treatment Guidelines (July 28, 2016), Epidural Steroid Injections, refers to ACOEM for the evidence of nerve root compromise.',
      'A total up to 18 visits, over 6-8 weeks, may be appropriate with documentation of objective functional improvement.',
      'Functional improvement should be documented after six sessions.',
      // Words of the case, but what may or should be: still the guideline.
      'Additional sessions may be indicated with documentation of objective functional improvement from the treating physician.',
      'Acupuncture treatments may be extended if functional improvement is documented in the progress reports.',
      'CA MTUS/ACOEM Guidelines state that imaging is not recommended in the absence of red flags.',
      'According to MTUS, long-term use of opioids requires urine drug screens.',
      'The MTUS states that in the absence of red flag symptoms the best approach to treatment is to maintain the patient as active as possible.',
      'Per the guideline, "there should be no red flags and a documented failure of conservative treatment before imaging is considered".',
      'Patients with no risk factor and no cardiovascular disease do not require the use of a proton pump inhibitor.',
    ]) {
      assert.deepEqual(kinds(sentence), [], sentence);
    }
  });

  test('negation: a finding that is present is no ground against the request, and "but" ends the negation', () => {
    assert.deepEqual(kinds('The patient has objective functional improvement documented from the prior sessions.'), ['functional-improvement']);
    assert.deepEqual(kinds('The patient has red flags on examination.'), []);
    assert.deepEqual(kinds('There is no new injury, but the patient reports red flags and progressive neurologic symptoms.'), []);
    // Not beyond the guideline: within it, a ground for the request.
    assert.deepEqual(kinds('The requested amount of physical therapy is not in excess of the guidelines for lumbar pain.'), ['within-guideline-limits']);
    // Two negations read as one finding of failure: a ground against the request.
    assert.deepEqual(kinds('As the patient has not failed to improve with conservative treatment the studies would not be supported.'), [
      'conservative-care-not-tried',
    ]);
    // Foreseeing its failure is a ground for the request, not against it.
    assert.deepEqual(kinds('This worker qualifies for an MRI, as they are most likely not going to do well with conservative care alone.'), []);
    // Care that did not work: tried and failed.
    assert.deepEqual(kinds('The patient has persistent pain that has not responded to conservative treatment.'), ['conservative-care-failed']);
    // "Cannot", and a negation at the end of a long subject.
    assert.deepEqual(kinds('The patient cannot be considered as having failed conservative treatment.'), ['conservative-care-not-tried']);
    assert.deepEqual(
      kinds('Details regarding failure to a complete course of conservative therapy including physical therapy and appropriate medications including an antidepressant is not specified in the records.'),
      ['conservative-care-not-tried'],
    );
  });

  // Each wording with the sentences that must not read as it: the guideline restated, a negation, the other side.
  const wordings: [string, [string, GroundKind[]][]][] = [
    [
      'a finding that has not improved is present, and a negation does not reach past "but"',
      [
        ['In this case there is indication of neurologic dysfunction that has not necessarily improved, which is supportive of obtaining MRI.', ['red-flags-present']],
        ['There is evidence of nerve compromise on physical exam but there is not mention of surgery.', ['red-flags-present']],
        ['In this case there is no indication of neurologic dysfunction.', ['no-red-flags']],
        ['A neurologic deficit has not been documented in the records.', ['no-red-flags']],
        ['An MRI is recommended when there is indication of neurologic dysfunction that has not improved.', []],
      ],
    ],
    [
      'what was or was not documented is about the case; what a study "noted" is not',
      [
        ['No functional improvement in response to physical therapy was documented.', ['no-functional-improvement']],
        ['The objective functional improvement on the regimen is not documented.', ['no-functional-improvement']],
        ['Functional improvement in response to physical therapy was documented.', ['functional-improvement']],
        ['In the study, a further improvement in function was noted at six months.', []],
        ['Functional improvement is documented before further sessions are given.', []],
      ],
    ],
    [
      'a treatment failed or not, named as it is',
      [
        ['Within the documentation available, there is no documentation of failed muscle relaxant treatment.', ['conservative-care-not-tried']],
        ['However, there was a lack of documentation regarding failure of antidepressants or anticonvulsants.', ['conservative-care-not-tried']],
        ['The patient has not trialed and failed a proper conservative course of care prior to this request.', ['conservative-care-not-tried']],
        ['In this case, there is no failure with attempts at conservative treatments.', ['conservative-care-not-tried']],
        ['There is no indication treatment with other non-opioid medications fail to provide relief.', ['conservative-care-not-tried']],
        ['The treating physician does not document failure of primary (Tylenol) treatment.', ['conservative-care-not-tried']],
        ['It is uncertain whether the injured worker has failed physical therapy.', ['conservative-care-not-tried']],
        ['The injured worker has failed physical therapy and muscle relaxant treatment.', ['conservative-care-failed']],
        ['The records failed to document physical therapy.', []],
        ['Topical analgesics are recommended when trials of antidepressants and anticonvulsants have failed.', []],
      ],
    ],
    [
      'a reason conceded in a leading "While" or "Although" clause is set aside; the main clause is read',
      [
        ['While the patient had not undergone conservative care, due to the severity of the tearing, conservative care would not be appropriate.', []],
        ['While the request for Zofran is reasonable, the request failed to provide quantity.', ['request-unspecified']],
        ['Although the patient has had 12 sessions, there is no documentation of functional improvement.', ['no-functional-improvement']],
        // After a short lead-in (corpus 092): the nerve root impingement is conceded, not a ground.
        [
          'In the case of this worker, although there was recent reporting of persistent low back pain with evidence of a nerve root impingement (positive straight leg raise testing and decreased lower extremity sensation), the record failed to show a completion of a trial of conservative treatments such as physical therapy.',
          ['conservative-care-not-tried'],
        ],
      ],
    ],
    [
      'an excess the reviewer makes light of ("by only 2 sessions") is no ground against the request; a plain excess is',
      [
        [
          'The request for an additional 8 physical therapy sessions is determined to be medically necessary because the injured worker has reported benefit from previous sessions and because they will exceed guideline recommendations by only 2 sessions.',
          [],
        ],
        ['The request for 12 sessions exceeds guideline recommendations by 2 sessions.', ['beyond-guideline-limits']],
        ['The requested 8 sessions would exceed the guideline only slightly.', []],
      ],
    ],
    [
      'a negation does not reach what comes "prior to" or "before" it',
      [
        ['There is a lack of rationale provided by the physician for this request at this time, prior to completion of conservative care.', ['no-rationale-given']],
        ['There is no documentation of failed conservative care prior to this request.', ['conservative-care-not-tried']],
      ],
    ],
    [
      'what may be, then a turn to the case: only the turn is read',
      [
        ['Up to 10 sessions of physical therapy may be appropriate but this original request was for 12 sessions which exceeds the guidelines.', ['beyond-guideline-limits']],
        ['Up to 10 sessions of physical therapy may be appropriate, and more sessions would exceed the guidelines.', []],
        ['Additional sessions may be appropriate with documentation of functional improvement, but the request is for 12 sessions.', []],
      ],
    ],
    [
      'a number of sessions in keeping with the guideline is within its limits',
      [
        ['As such, the current 6 therapy sessions is consistent with guideline recommendations.', ['within-guideline-limits']],
        ['The request for an MRI is consistent with guideline recommendations.', ['criteria-met']],
        ['The requested 12 sessions is not consistent with guideline recommendations.', []],
      ],
    ],
    [
      'a reduction in work restrictions is functional improvement, and "Guidelines have been met" the criteria met',
      [
        ['The medical records reveal a reduction in work restrictions after 4/6 acupuncture treatment.', ['functional-improvement']],
        ['There was no reduction in work restrictions after the prior sessions.', ['no-functional-improvement']],
        ['Functional improvement means a reduction in work restrictions as measured during the history and physical exam.', []],
        ['Guidelines have been met; therefore, the acupuncture sessions are medically necessary.', ['criteria-met']],
        ['Guidelines are met when functional improvement is shown.', []],
      ],
    ],
    [
      'monitoring not done, in the past tense',
      [
        ['Additionally, the CURES database was not checked, and the results documented.', ['medication-monitoring']],
        ['The CURES database should be checked before prescribing.', []],
      ],
    ],
    [
      'a request that fails to specify what it asks for',
      [
        ['Moreover, the request failed to provide quantity.', ['request-unspecified']],
        ['The request as submitted also failed to specify if it will be a rental or purchase, frequency, duration, body part for treatment.', ['request-unspecified']],
        ['The request as submitted also failed to specify the type of procedures to be performed.', ['request-unspecified']],
        ['The records failed to provide the outcome of the prior sessions.', []],
        ['The request specified the quantity and duration of the sessions.', []],
      ],
    ],
    [
      'the documents, and "there is not", are the case',
      [
        ['The medical documents do not indicate failure of antidepressants or anticonvulsants.', ['conservative-care-not-tried']],
        ['Absent red flags, a clear indication for MRI is not supported by the provided documents.', ['no-red-flags']],
        ['There is not mention of complete failure of conservative therapy.', ['conservative-care-not-tried']],
        ['Absent red flags, MRI is not recommended.', []],
      ],
    ],
  ];
  for (const [name, cases] of wordings) {
    test(name, () => {
      for (const [sentence, expected] of cases) assert.deepEqual(kinds(sentence), expected, sentence);
    });
  }

  test("the item's own service gives no ground: a urine drug screen requested is not monitoring missing", () => {
    const sentence = 'There was no indication the patient was at high risk for abuse that would require multiple urine drug screens.';
    assert.deepEqual(kinds(sentence), ['medication-monitoring']);
    assert.deepEqual(kinds(sentence, 'Urine Test'), []);
    assert.deepEqual(kinds('In this case, the request for a urine drug screen is not supported by the records here.', 'Urine drug screen'), []);
  });

  test('sentences split at stops, not at abbreviations or decimals', () => {
    const text = 'Dr. Smith saw the patient on 11/2/2016. The dose was 7.5 mg. per day; e.g. twice. Was it "recommended"? Yes.';
    const spans = sentenceSpans(text).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(spans, ['Dr. Smith saw the patient on 11/2/2016.', 'The dose was 7.5 mg. per day; e.g. twice.', 'Was it "recommended"?', 'Yes.']);
  });

  test('a character that lower-cases to two leaves the others where they were', () => {
    // Sixty of them would push the stems' places in a plain lower-cased copy into the sentence after.
    const sentence = 'There were no red flags.';
    const text = `The ${'İ'.repeat(60)} clinic saw the patient. ${sentence} The request was reviewed in full.`;
    assert.deepEqual(
      readGrounds(text).map((g) => text.slice(g.from, g.to)),
      [sentence],
    );
  });

  test('never throws, and every span lies inside the text', () => {
    for (const text of ['', ' ', '.', 'no', '"'.repeat(300), 'There is no. '.repeat(500), 'x'.repeat(100_000), '\u{1F600}. There were no red flags.']) {
      for (const g of readGrounds(text, 'x')) assert.ok(g.from >= 0 && g.to <= text.length && g.from < g.to);
    }
  });
});

function letter(rationale: string, eol = '\n', before = ''): string {
  return [
    'Case Number: CM17-0000001',
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    `${before}Physical therapy 2 times a week for 6 weeks: Upheld`,
    '',
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines, Physical Medicine.',
    '',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines, Physical Medicine.',
    '',
    `Decision rationale: ${rationale}`,
    '',
  ].join(eol);
}

const rationale = [
  'The guidelines allow 9-10 visits over 8 weeks, and more with documentation of functional improvement.',
  'The patient has had 12 prior sessions. There is no',
  'documentation of objective functional improvement with',
  'those sessions. The requested 12 sessions exceeds the guideline',
  'recommendation. Therefore, the request is not medically necessary.',
].join('\n');

describe('the grounds in the editor', () => {
  for (const [name, eol, before] of [
    ['LF', '\n', ''],
    ['CRLF', '\r\n', ''],
    ['astral characters and CRLF', '\r\n', '\u{1F9B4}\u{1D4D0} '],
  ] as const) {
    test(`the hover on "Decision rationale:" quotes each ground's sentence, whose range is exact (${name})`, () => {
      const text = letter(rationale.replace(/\n/g, eol), eol, before);
      const ls = createLanguageService();
      const doc = TextDocument.create('file:///grounds.txt', 'imr', 1, text);
      const item = ls.getLetter(doc)!.items[0];
      const hover = ls.getHover(doc, item.rationale!.labelRange.start)!;
      assert.deepEqual(hover.range, item.rationale!.labelRange);
      const value = (hover.contents as MarkupContent).value;
      assert.match(value, /^\*\*Grounds read in this rationale\*\*/);
      const firstLine = text.split(eol).findIndex((l) => l.startsWith('The patient has had')) + 1;
      assert.ok(value.includes(`- **No documented functional improvement** (line ${firstLine}): "There is no documentation of objective functional improvement with those sessions."`), value);
      assert.ok(value.includes(`- **Beyond the guideline's number or duration** (line ${firstLine + 2}): "The requested 12 sessions exceeds the guideline recommendation."`), value);
      // The first sentence restates the guideline: not quoted.
      assert.doesNotMatch(value, /9-10 visits/);
      // The title's hover names them, once each, with their lines.
      const title = (ls.getHover(doc, item.title.range.start)!.contents as MarkupContent).value;
      assert.ok(
        title.includes(`Grounds read in the rationale: No documented functional improvement (line ${firstLine}); Beyond the guideline's number or duration (line ${firstLine + 2})`),
        title,
      );
      // The summary panel's context: the kinds and their (0-based) lines.
      assert.deepEqual(ls.getItemContext(doc)[0].grounds, [
        { kind: 'no-functional-improvement', line: firstLine - 1 },
        { kind: 'beyond-guideline-limits', line: firstLine + 1 },
      ]);
    });
  }

  test("the ranges cover exactly the sentences' characters", () => {
    const text = letter(rationale.replace(/\n/g, '\r\n'), '\r\n', '\u{1F9B4} ');
    const doc = createLanguageService().getLetterDocument(TextDocument.create('file:///ranges.txt', 'imr', 1, text));
    assert.deepEqual(
      itemGrounds(doc, doc.model.items[0]).map((g) => [g.kind, textAt(text, g.range)]),
      [
        ['no-functional-improvement', 'There is no\r\ndocumentation of objective functional improvement with\r\nthose sessions.'],
        ['beyond-guideline-limits', 'The requested 12 sessions exceeds the guideline\r\nrecommendation.'],
      ],
    );
  });

  test("an item below a surgery whose rationale rests on the surgery's fate gives it as a ground, at those words", () => {
    const text = readFileSync(path.join(repoRoot, 'samples', 'malformed-associated-service.txt'), 'utf8');
    const ls = createLanguageService();
    const textDoc = TextDocument.create('file:///surgery.txt', 'imr', 1, text);
    const doc = ls.getLetterDocument(textDoc);
    const [surgery, clearance, cold] = doc.model.items;
    assert.deepEqual(itemGrounds(doc, surgery), []);
    assert.deepEqual(itemGrounds(doc, clearance), [{ kind: 'surgery-necessary', range: clearance.surgeryDependence!.range }]);
    assert.deepEqual(itemGrounds(doc, cold), [{ kind: 'surgery-not-necessary', range: cold.surgeryDependence!.range }]);
    assert.match(textAt(text, cold.surgeryDependence!.range), /surgical intervention is not medically necessary/);
    const value = (ls.getHover(textDoc, cold.rationale!.labelRange.start)!.contents as MarkupContent).value;
    assert.match(value, new RegExp(`- \\*\\*The surgery it goes with not medically necessary\\*\\* \\(line ${cold.surgeryDependence!.range.start.line + 1}\\): "`));
    assert.deepEqual(folderLetterOf(doc.model).items.map((i) => i.grounds), [undefined, ['surgery-necessary'], ['surgery-not-necessary']]);
  });

  test('a rationale with none of them says which grounds are read', () => {
    const ls = createLanguageService();
    const doc = TextDocument.create('file:///none.txt', 'imr', 1, letter('The request is not medically necessary.'));
    const item = ls.getLetter(doc)!.items[0];
    const value = (ls.getHover(doc, item.rationale!.labelRange.start)!.contents as MarkupContent).value;
    assert.match(value, /^No grounds read in this rationale\. Those read, in their usual wordings:\n\n- against the request: no documented functional improvement; [^\n]*\n- for the request: functional improvement documented; /);
    assert.doesNotMatch((ls.getHover(doc, item.title.range.start)!.contents as MarkupContent).value, /Grounds read/);
    assert.deepEqual(ls.getItemContext(doc)[0].grounds, []);
  });
});

describe('the grounds in the summaries', () => {
  test('the folder breakdown counts an item in each of its grounds, and the rest as none read; a group filters', () => {
    const a = folderLetterOf(parseLetter(letter(rationale)));
    const b = folderLetterOf(parseLetter(letter('There were no red flag symptoms. The request is not medically necessary.')));
    const c = folderLetterOf(parseLetter(letter('The request is not medically necessary.')));
    assert.deepEqual(a.items[0].grounds, ['no-functional-improvement', 'beyond-guideline-limits']);
    assert.equal(c.items[0].grounds, undefined, 'none read: the field is left out of the folder JSON');
    const rows = folderRows(summarizeFolder([a, b, c].map((letter, i) => ({ uri: `file:///${i}.txt`, letter }))));
    const grounds = breakdowns(rows).find((x) => x.id === 'grounds')!;
    assert.deepEqual(
      grounds.groups.map((g) => [g.key, g.items, g.upheld]),
      [
        [groundLabel('beyond-guideline-limits'), 1, 1],
        [groundLabel('no-functional-improvement'), 1, 1],
        [groundLabel('no-red-flags'), 1, 1],
        [noGroundRead, 1, 1],
      ],
    );
    assert.deepEqual(filterRows(rows, { ...noFilter, groups: { grounds: groundLabel('no-red-flags') } }), [1]);
    assert.deepEqual(filterRows(rows, { ...noFilter, text: 'functional improvement' }), [0], 'the filter words find the grounds too');
  });
});

describe('the grounds of the precedents', () => {
  test("the title's hover names the grounds the other items for the service give most: three at most, ties in the grounds' order", () => {
    const others = [
      'There is no documentation of functional improvement. The requested 12 sessions exceeds the guideline recommendation. There were no red flags.',
      'There were no red flags. There is no documentation of functional improvement.',
      'There were no red flags. The requested service did not specify the quantity of sessions.',
      'There were no red flags.',
    ].map((rationale, i) => workspaceLetterOf(`file:///ws/${i}.txt`, parseLetter(letter(rationale).replace('CM17-0000001', `CM17-000000${i + 2}`))));
    const ls = createLanguageService();
    const doc = TextDocument.create('file:///open.txt', 'imr', 1, letter('The request is not medically necessary.'));
    const stats = ls.getItemContext(doc, others)[0].sameService!;
    assert.deepEqual(stats.grounds, [
      ['no-red-flags', 4],
      ['no-functional-improvement', 2],
      ['beyond-guideline-limits', 1],
    ]);
    assert.equal(
      sameServiceText(stats),
      "4 other items for this service here: 4 upheld, 0 overturned; grounds most given: No red flags, neurological deficit or surgery in view (4), No documented functional improvement (2), Beyond the guideline's number or duration (1)",
    );
    // None given: the figures alone.
    const plain = workspaceLetterOf('file:///ws/plain.txt', parseLetter(letter('The request is not medically necessary.').replace('CM17-0000001', 'CM17-0000009')));
    assert.equal(sameServiceText(ls.getItemContext(doc, [plain])[0].sameService!), '1 other item for this service here: 1 upheld, 0 overturned');
  });
});

describe('the grounds of corpus letters, read by hand', { skip: corpusSkip }, () => {
  // Each item's rationale was read in full: these are the grounds it gives in the words read, and no other.
  const expected: [string, number, string[]][] = [
    ['000_CM16-0213037.txt', 0, ['no-red-flags']],
    ['002_CM16-0221706.txt', 0, ['request-unspecified']],
    ['005_CM16-0229336.txt', 0, ['criteria-met']],
    ['014_CM16-0233904.txt', 0, ['no-functional-improvement']],
    ['039_CM16-0241231.txt', 0, ['beyond-guideline-limits', 'no-functional-improvement']],
    ['049_CM16-0245466.txt', 3, ['beyond-guideline-limits']],
    ['060_CM16-0247802.txt', 1, ['no-functional-improvement', 'not-recommended', 'no-exceptional-factors']],
    ['060_CM16-0247802.txt', 3, ['no-functional-improvement', 'medication-monitoring']],
    ['068_CM16-0249536.txt', 3, []],
    ['068_CM16-0249536.txt', 4, ['request-unspecified', 'not-recommended']],
    ['084_CM17-0003284.txt', 0, ['no-functional-improvement', 'beyond-guideline-limits', 'no-exceptional-factors']],
    ['086_CM17-0003619.txt', 0, ['conservative-care-not-tried']],
    ['094_CM17-0004738.txt', 0, ['functional-improvement']],
    ['108_CM17-0006912.txt', 0, ['request-unspecified']],
    ['133_CM17-0010362.txt', 0, ['no-functional-improvement', 'no-exceptional-factors']],
    ['145_CM17-0012582.txt', 1, ['no-rationale-given', 'medication-monitoring']],
    ['065_CM16-0248698.txt', 8, ['no-rationale-given', 'conservative-care-not-tried']],
    ['008_CM16-0231706.txt', 0, ['beyond-guideline-limits', 'no-exceptional-factors']],
    ['009_CM16-0231745.txt', 1, ['no-rationale-given']],
    ['017_CM16-0235724.txt', 0, ['red-flags-present']],
    ['041_CM16-0242419.txt', 0, ['functional-improvement', 'criteria-met']],
    ['049_CM16-0245466.txt', 1, ['conservative-care-not-tried']],
    ['109_CM17-0007142.txt', 0, []],
    ['166_CM17-0015790.txt', 0, ['no-functional-improvement']],
    ['182_CM17-0019066.txt', 1, ['no-red-flags', 'conservative-care-not-tried']],
  ];
  test("every match of a ground's words holds one of its stems, the cheap test that passes over the other sentences", () => {
    let matches = 0;
    for (const file of corpusLetters()) {
      for (const item of parseLetter(readCorpusLetter(file)).items) {
        const text = item.rationale?.text ?? '';
        for (const [from, to] of sentenceSpans(text)) {
          for (const g of groundWords) {
            const m = g.words.exec(text.slice(from, to));
            if (!m) continue;
            matches++;
            assert.ok(g.stems.some((stem) => m[0].toLowerCase().includes(stem)), `${g.kind}: "${m[0]}" holds none of its stems`);
          }
        }
      }
    }
    assert.ok(matches > 500, `${matches} matches`);
  });

  for (const [file, index, grounds] of expected) {
    test(`${file} item ${index + 1}: ${grounds.join(', ') || 'none'}`, () => {
      const item = folderLetterOf(parseLetter(readCorpusLetter(file))).items[index];
      assert.deepEqual(item.grounds ?? [], grounds);
    });
  }
});

test('which way each ground points: the six for the request, the rest against it', () => {
  assert.deepEqual(
    groundKinds.filter((k) => groundSide(k) === 'for'),
    ['functional-improvement', 'red-flags-present', 'conservative-care-failed', 'within-guideline-limits', 'criteria-met', 'surgery-necessary'],
  );
  assert.equal(groundKinds.filter((k) => groundSide(k) === 'against').length, 10);
});

test("the summary panel's precedents count the letter's own items for the service too, each less itself, with a workspace letter", () => {
  // Each kind of service is tallied once for the letter and each item's figures are the tally less the item: the
  // same figures as the title's hover gives item by item. (Grounds as often given go in the order of groundKinds.)
  const text = itemsLetter([
    ['Physical therapy 12 sessions', 'Upheld', 'There were no red flags. The request is not medically necessary.'],
    ['Acupuncture 6 sessions', 'Upheld', 'The request is not medically necessary.'],
    ['Physical therapy, 8 visits', 'Overturned', 'There is documentation of functional improvement. The request is medically necessary.'],
    ['Physical Therapy 6 sessions', 'Upheld', 'There were no red flags. There is no documentation of functional improvement. Not medically necessary.'],
  ]);
  const elsewhere = workspaceLetterOf('file:///ws/other.txt', parseLetter(itemsLetter([['Physical therapy 10 sessions', 'Overturned', 'Medically necessary.']])));
  const ls = createLanguageService();
  const doc = TextDocument.create('file:///open.txt', 'imr', 1, text);
  const context = ls.getItemContext(doc, [elsewhere]);
  assert.deepEqual(context.map((c) => c.sameService), [
    { others: 3, upheld: 1, overturned: 2, grounds: [['no-functional-improvement', 1], ['no-red-flags', 1]] },
    { others: 0, upheld: 0, overturned: 0 },
    { others: 3, upheld: 2, overturned: 1, grounds: [['no-red-flags', 2], ['no-functional-improvement', 1]] },
    { others: 3, upheld: 1, overturned: 2, grounds: [['no-red-flags', 1]] },
  ]);
  const model = ls.getLetter(doc)!;
  for (const [k, item] of model.items.entries()) {
    const hover = (ls.getHover(doc, item.title.range.start, [elsewhere])!.contents as MarkupContent).value;
    const { others, upheld, overturned } = context[k].sameService!;
    assert.match(hover, others === 0 ? /No other item for this service here\./ : new RegExp(`${others} other items for this service here: ${upheld} upheld, ${overturned} overturned`));
  }
});
