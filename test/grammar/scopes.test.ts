// The scope of each construct of a letter, one small input at a time: what gets the scope, and exactly how far.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { seedsDir } from '../support/env';
import { formatTokens, loadGrammar, scopedRuns, scopesAt, tokenizeLines, tokenizeText } from './support';

const HEADING = 'markup.heading.section.imr';
const FIELD = 'entity.name.tag.field.imr';
const DATE = 'constant.numeric.date.imr';
const UPHELD = 'markup.deleted.decision.upheld.imr';
const OVERTURNED = 'markup.inserted.decision.overturned.imr';
const NOT_NECESSARY = 'markup.deleted.conclusion.not-medically-necessary.imr';
const NECESSARY = 'markup.inserted.conclusion.medically-necessary.imr';
const SECTION = 'entity.name.section.imr';
const LINK = 'markup.underline.link.imr';

interface Case {
  /** One line, or consecutive lines (a construct broken across lines). */
  input: string | string[];
  scope: string;
  /** Every stretch of text that carries the scope, in order; [] when nothing may carry it. */
  runs: string[];
}

const cases: Case[] = [
  // Section headings, as the PDF extract writes them (leading and trailing spaces).
  { input: ' HOW THE IMR FINAL DETERMINATION WAS MADE ', scope: HEADING, runs: ['HOW THE IMR FINAL DETERMINATION WAS MADE'] },
  { input: 'CLINICAL CASE SUMMARY  ', scope: HEADING, runs: ['CLINICAL CASE SUMMARY'] },
  { input: 'IMR ISSUES, DECISIONS AND RATIONALES ', scope: HEADING, runs: ['IMR ISSUES, DECISIONS AND RATIONALES'] },
  { input: 'DOCUMENTS REVIEWED ', scope: HEADING, runs: ['DOCUMENTS REVIEWED'] },
  { input: 'IMR DECISION(S) AND RATIONALE(S) ', scope: HEADING, runs: ['IMR DECISION(S) AND RATIONALE(S)'] },
  {
    input: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE ',
    scope: HEADING,
    runs: ['INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'],
  },
  { input: 'IMR ISSUE(S), DECISION(S) AND RATIONALE(S) ', scope: HEADING, runs: ['IMR ISSUE(S), DECISION(S) AND RATIONALE(S)'] },
  { input: 'The clinical case summary based on a review of the case file ', scope: HEADING, runs: [] },
  // The Medical Professional Review's labels, the long ones over two lines as the PDFs break them.
  { input: 'MEDICAL PROFESSIONAL REVIEW', scope: HEADING, runs: ['MEDICAL PROFESSIONAL REVIEW'] },
  { input: 'ISSUE AT DISPUTE:', scope: HEADING, runs: ['ISSUE AT DISPUTE:'] },
  { input: 'CASE SUMMARY: ', scope: HEADING, runs: ['CASE SUMMARY:'] },
  { input: 'DOCUMENTS REVIEWED FOR DETERMINATION:', scope: HEADING, runs: ['DOCUMENTS REVIEWED FOR DETERMINATION:'] },
  {
    input: ['MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL ', 'REVIEWER AND WHY:'],
    scope: HEADING,
    runs: ['MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL', 'REVIEWER AND WHY:'],
  },
  {
    input: ['RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT ', 'MEDICALLY NECESSARY:'],
    scope: HEADING,
    runs: ['RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT', 'MEDICALLY NECESSARY:'],
  },
  { input: 'MEDICAL REVIEWER QUALIFICATIONS:', scope: HEADING, runs: ['MEDICAL REVIEWER QUALIFICATIONS:'] },
  // In a sentence, the words are not a label.
  { input: 'The treatment is medically necessary: the records show it.', scope: HEADING, runs: [] },
  { input: 'CLINICAL CASE SUMMARY OF THE REQUEST ', scope: HEADING, runs: [] },

  // The header table, its columns interleaved, and "Application Received:" broken over two lines.
  { input: 'Case Number: CM16-0229336  ', scope: FIELD, runs: ['Case Number:'] },
  { input: 'Case Number: CM16-0229336  ', scope: 'constant.other.case-number.imr', runs: ['CM16-0229336'] },
  {
    input: 'Date Assigned: 12/05/2016 Date of Injury:  10/20/2016 ',
    scope: FIELD,
    runs: ['Date Assigned:', 'Date of Injury:'],
  },
  { input: 'Date Assigned: 12/05/2016 Date of Injury:  10/20/2016 ', scope: DATE, runs: ['12/05/2016', '10/20/2016'] },
  {
    input: 'Decision Date: 12/30/2016 UR Denial Date:  10/28/2016 ',
    scope: FIELD,
    runs: ['Decision Date:', 'UR Denial Date:'],
  },
  {
    input: ['Priority:  Standard Application ', 'Received:  ', '11/28/2016 '],
    scope: FIELD,
    runs: ['Priority:', 'Application', 'Received:'],
  },
  { input: ['Priority:  Standard Application ', 'Received:  ', '11/28/2016 '], scope: DATE, runs: ['11/28/2016'] },
  { input: 'Priority:  Standard Application ', scope: 'constant.language.priority.imr', runs: ['Standard'] },
  { input: 'Application Received: 11/03/2016 ', scope: FIELD, runs: ['Application Received:'] },
  { input: 'The patient received: physical therapy', scope: FIELD, runs: [] },

  // Dates in their written forms, and numbers that are not dates.
  { input: 'Retrospective MRI of the cervical spine (DOS 11/18/16):  Overturned ', scope: DATE, runs: ['11/18/16'] },
  { input: 'with a date of injury on 10-20-2016. A review', scope: DATE, runs: ['10-20-2016'] },
  { input: 'a date of injury of March 18, 2013. A utilization', scope: DATE, runs: ['March 18, 2013'] },
  { input: 'achy and dull, 5/10 on the 1 to 10 pain scale, 20/20 vision', scope: DATE, runs: [] },
  { input: 'http://www.aetna.com/cpb/medical/data/100_199/0181.html. ', scope: DATE, runs: [] },

  // Reviewer credentials: the block and the inline sentence.
  {
    input: 'State(s) of Licensure: California, District of Columbia, Maryland ',
    scope: 'entity.name.tag.field.credential.imr',
    runs: ['State(s) of Licensure:'],
  },
  {
    input: 'Certification(s)/Specialty: Anesthesiology, Pain Management ',
    scope: 'entity.name.tag.field.credential.imr',
    runs: ['Certification(s)/Specialty:'],
  },
  {
    input: 'reviewer is Board Certified in Neuromusculoskeletal Medicine and is licensed to practice in ',
    scope: 'keyword.other.credential.imr',
    runs: ['Board Certified in', 'licensed to practice in'],
  },

  // The three labels, only where they open a paragraph.
  {
    input: 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines ',
    scope: 'keyword.other.label.claims-administrator.imr',
    runs: ['Claims Administrator guideline:'],
  },
  {
    input: 'MAXIMUS guideline: Decision based on MTUS ACOEM Page(s): 308. ',
    scope: 'keyword.other.label.maximus.imr',
    runs: ['MAXIMUS guideline:'],
  },
  {
    input: 'Decision rationale:  The request for referral to pain management ',
    scope: 'keyword.other.label.rationale.imr',
    runs: ['Decision rationale:'],
  },
  {
    input: "Decision rationale: The Expert Reviewer's decision rationale: The only identifiable reference ",
    scope: 'keyword.other.label.rationale.imr',
    runs: ['Decision rationale:'],
  },

  // Decisions: ending a title line, standing alone after a wrapped title, never in prose.
  { input: '12 SESSIONS OF SPINAL DECOMPRESSION THERAPY:  Upheld ', scope: UPHELD, runs: ['Upheld'] },
  { input: '12 SESSIONS OF SPINAL DECOMPRESSION THERAPY:  Upheld ', scope: OVERTURNED, runs: [] },
  {
    input: '12 SESSIONS OF SPINAL DECOMPRESSION THERAPY:  Upheld ',
    scope: 'meta.item.title.imr',
    runs: ['12 SESSIONS OF SPINAL DECOMPRESSION THERAPY:'],
  },
  { input: '12 SESSIONS OF SPINAL DECOMPRESSION THERAPY:  Upheld ', scope: 'markup.bold.decision.imr', runs: ['Upheld'] },
  { input: 'Myofascial Release:  Overturned ', scope: OVERTURNED, runs: ['Overturned'] },
  { input: 'Myofascial Release:  Overturned ', scope: UPHELD, runs: [] },
  { input: ['UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE: ', 'Upheld '], scope: UPHELD, runs: ['Upheld'] },
  { input: ['REFERRAL TO PAIN MANAGEMENT: ', ' ', 'Overturned '], scope: OVERTURNED, runs: ['Overturned'] },
  {
    input: 'Retrospective MRI of the cervical spine (DOS 11/18/16):  Overturned ',
    scope: OVERTURNED,
    runs: ['Overturned'],
  },
  {
    input: 'and occupational therapy 7-10 days for left foot fracture is: Overturned ',
    scope: OVERTURNED,
    runs: ['Overturned'],
  },
  { input: 'The utilization review decision was upheld on appeal. ', scope: UPHELD, runs: [] },
  { input: 'the prior denial was Upheld by the Claims Administrator ', scope: UPHELD, runs: [] },
  { input: 'upheld ', scope: UPHELD, runs: [] },

  // Guidelines and their parts.
  {
    input: 'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints ',
    scope: 'support.type.guideline.mtus.imr',
    runs: ['MTUS'],
  },
  {
    input: 'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints ',
    scope: 'support.type.guideline.acoem.imr',
    runs: ['ACOEM'],
  },
  {
    input: 'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints ',
    scope: 'keyword.other.chapter.imr',
    runs: ['Chapter'],
  },
  {
    input: 'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints ',
    scope: 'constant.numeric.chapter.imr',
    runs: ['12'],
  },
  {
    input: 'Page(s): 298,Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98.  Decision ',
    scope: 'constant.numeric.page.imr',
    runs: ['298', '98'],
  },
  {
    input: 'Page(s): 298,Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98.  Decision ',
    scope: 'keyword.other.pages.imr',
    runs: ['Page(s):', 'Page(s):'],
  },
  { input: 'Transcutaneous Electrotherapy Page(s): 114-116.   ', scope: 'constant.numeric.page.imr', runs: ['114-116'] },
  {
    input: 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.  ',
    scope: SECTION,
    runs: ['Physical medicine treatment'],
  },
  {
    input: 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.  ',
    scope: 'keyword.other.sections.imr',
    runs: ['Section(s):'],
  },
  {
    input: ['Decision based on MTUS Knee Complaints 2004, Section(s): Special ', 'Studies. Decision based on Non-MTUS Citation'],
    scope: SECTION,
    runs: ['Special', 'Studies'],
  },
  {
    input: ['Decision based on MTUS Knee Complaints 2004, Section(s): Special ', ' ', 'Studies. Decision based on Non-MTUS'],
    scope: SECTION,
    runs: ['Special', 'Studies'],
  },
  {
    input: [
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004,  Section(s): ',
      'Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.   Decision based ',
    ],
    scope: SECTION,
    runs: ['Summary', 'Facet blocks'],
  },
  {
    input: 'Section(s): Opioids, criteria for use 3.3.9. Decision based on Non-MTUS Citation',
    scope: SECTION,
    runs: ['Opioids, criteria for use 3.3.9'],
  },
  {
    input: 'Complaints 2004, Section(s): Work-Relatedness, and Postsurgical Treatment 2009, Section(s): ',
    scope: SECTION,
    runs: ['Work-Relatedness'],
  },
  {
    input: '2004, Section(s): Special Studies, and Forearm, Wrist, and Hand Complaints 2004 . Decision ',
    scope: SECTION,
    runs: ['Special Studies'],
  },
  {
    input: 'Section(s): Initial Care, and Elbow Complaints 2007, and Forearm, Wrist, and Hand Complaints ',
    scope: SECTION,
    runs: ['Initial Care'],
  },
  {
    input: [
      'Care, Physical Methods, and Knee Complaints 2004, Section(s): Initial Care, Follow-up Visits, ',
      'and Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.  Decision ',
    ],
    scope: SECTION,
    runs: ['Initial Care, Follow-up Visits', 'Physical medicine treatment'],
  },
  { input: ['Decision based on MTUS 2004, Section(s): Special ', 'MAXIMUS guideline: Decision'], scope: SECTION, runs: ['Special'] },
  {
    input: ['Decision based on MTUS 2004, Section(s): Special ', 'MAXIMUS guideline: Decision'],
    scope: 'keyword.other.label.maximus.imr',
    runs: ['MAXIMUS guideline:'],
  },
  {
    input: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back ',
    scope: 'support.type.guideline.non-mtus.imr',
    runs: ['Non-MTUS Citation'],
  },
  {
    input: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back ',
    scope: 'support.type.guideline.odg.imr',
    runs: ['Official Disability Guidelines', 'ODG'],
  },
  {
    input: 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back ',
    scope: 'support.type.guideline.mtus.imr',
    runs: [],
  },
  {
    input: ['Decision based on Non-MTUS Citation Official Disability ', 'Guidelines, Online Edition, Low Back Chapter'],
    scope: 'support.type.guideline.odg.imr',
    runs: ['Official Disability', 'Guidelines'],
  },
  {
    input: ['Decision based on Non-MTUS Citation Official ', 'Disability Guidelines (ODG), Low Back'],
    scope: 'support.type.guideline.odg.imr',
    runs: ['Disability Guidelines', 'ODG'],
  },
  { input: ['an Official ', 'Disability rating'], scope: 'support.type.guideline.odg.imr', runs: [] },
  {
    input: ['Decision based on Non-MTUS ', 'Citation ACOEM Practice Guidelines'],
    scope: 'support.type.guideline.non-mtus.imr',
    runs: ['Non-MTUS', 'Citation'],
  },
  // "Non-" broken from its "MTUS Citation": no MTUS citation.
  {
    input: ['Decision based on Non-', 'MTUS Citation Official Disability Guidelines (ODG)'],
    scope: 'support.type.guideline.non-mtus.imr',
    runs: ['Non-', 'MTUS Citation'],
  },
  { input: ['Decision based on Non-', 'MTUS Citation Official Disability Guidelines (ODG)'], scope: 'support.type.guideline.mtus.imr', runs: [] },
  { input: 'CA MTUS/ACOEM states there is no high-grade evidence', scope: 'support.type.guideline.mtus.imr', runs: ['CA MTUS'] },
  {
    input: 'The American College of Occupational and Environmental Medicine does not recommend ',
    scope: 'support.type.guideline.acoem.imr',
    runs: ['American College of Occupational and Environmental Medicine'],
  },

  // URLs, whole or broken by the PDF at a hyphen or slash.
  { input: 'http://www.drugs.com/famotidine.html. ', scope: LINK, runs: ['http://www.drugs.com/famotidine.html'] },
  { input: 'www.mdguidelines.com. ', scope: LINK, runs: ['www.mdguidelines.com'] },
  {
    input: ['Treatment Guidelines https://www.cms.gov/Regulations-and-', 'Guidance/Guidance/Transmittals/downloads/R148CIM.pdf. '],
    scope: LINK,
    runs: ['https://www.cms.gov/Regulations-and-', 'Guidance/Guidance/Transmittals/downloads/R148CIM.pdf'],
  },
  {
    input: [
      'http://www.slideshare.net/julenemcalister/differences-between-inpatient-rehabilitation-skilled-',
      'nursing-care, https://medicalinsider.holy-cross.com/acute-inpatient-rehabilitation-versus-skilled-',
      'nursing-facility-rehabilitation. ',
    ],
    scope: LINK,
    runs: [
      'http://www.slideshare.net/julenemcalister/differences-between-inpatient-rehabilitation-skilled-',
      'nursing-care',
      'https://medicalinsider.holy-cross.com/acute-inpatient-rehabilitation-versus-skilled-',
      'nursing-facility-rehabilitation',
    ],
  },
  { input: ['see https://example.org/a-', 'CLINICAL CASE SUMMARY '], scope: LINK, runs: ['https://example.org/a-'] },
  { input: ['see https://example.org/a-', 'CLINICAL CASE SUMMARY '], scope: HEADING, runs: ['CLINICAL CASE SUMMARY'] },

  // Conclusions: negative and positive wordings, on one line or broken across lines.
  { input: 'I find that the request is not medically necessary. ', scope: NOT_NECESSARY, runs: ['not medically necessary'] },
  { input: 'I find that the request is not medically necessary. ', scope: NECESSARY, runs: [] },
  { input: 'The request is not-medically necessary. ', scope: NOT_NECESSARY, runs: ['not-medically necessary'] },
  { input: 'The request is not indicated as medically necessary. ', scope: NOT_NECESSARY, runs: ['not indicated as medically necessary'] },
  { input: 'The request is not indicated as medically necessary. ', scope: NECESSARY, runs: [] },
  { input: 'It is not supported as being medically necessary. ', scope: NOT_NECESSARY, runs: ['not supported as being medically necessary'] },
  {
    input: 'the request is determined to not be medically necessary. ',
    scope: NOT_NECESSARY,
    runs: ['not be medically necessary'],
  },
  {
    input: 'this time cannot be considered medically necessary per the guidelines. ',
    scope: NOT_NECESSARY,
    runs: ['cannot be considered medically necessary'],
  },
  {
    input: 'the request was not found to be medically necessary. ',
    scope: NOT_NECESSARY,
    runs: ['not found to be medically necessary'],
  },
  {
    input: '1) MAXIMUS Federal Services, Inc. has determined the request for physical therapy is not medically necessary and appropriate.',
    scope: NOT_NECESSARY,
    runs: ['not medically necessary and appropriate'],
  },
  { input: 'The request IS medically necessary. ', scope: NECESSARY, runs: ['medically necessary'] },
  { input: 'The request IS medically necessary. ', scope: NOT_NECESSARY, runs: [] },
  {
    input: 'the request is medically necessary and appropriate. ',
    scope: NECESSARY,
    runs: ['medically necessary and appropriate'],
  },
  { input: 'this treatment is a medical necessity to the patient. ', scope: NECESSARY, runs: ['a medical necessity'] },
  {
    input: 'a MRI of the Elbow is not a medical necessity to the patient at this time. ',
    scope: NOT_NECESSARY,
    runs: ['not a medical necessity'],
  },
  { input: 'a MRI of the Elbow is not a medical necessity to the patient at this time. ', scope: NECESSARY, runs: [] },
  { input: 'the medical necessity of the request has not been established. ', scope: NECESSARY, runs: [] },
  {
    input: ['the request for cervical decompression therapy is not ', 'medically necessary.  CA MTUS'],
    scope: NOT_NECESSARY,
    runs: ['medically necessary'],
  },
  {
    input: ['the request for cervical decompression therapy is not ', 'medically necessary.  CA MTUS'],
    scope: NECESSARY,
    runs: [],
  },
  { input: ['therapy is not ', ' ', 'medically necessary. '], scope: NOT_NECESSARY, runs: ['medically necessary'] },
  { input: ['therapy is not ', ' ', 'medically necessary. '], scope: NECESSARY, runs: [] },
  { input: ['the request is determined to not be ', 'medically necessary.'], scope: NOT_NECESSARY, runs: ['medically necessary'] },
  { input: ['an updated MRI is not medically ', 'necessary.  The American'], scope: NOT_NECESSARY, runs: ['necessary'] },
  { input: ['an updated MRI is not medically ', 'necessary.  The American'], scope: NECESSARY, runs: [] },
  { input: ['the request is medically ', 'necessary. '], scope: NECESSARY, runs: ['necessary'] },
  { input: ['the patient has not ', 'been seen since the injury, medically necessary'], scope: NOT_NECESSARY, runs: [] },
  {
    input: ['the patient has not ', 'MAXIMUS guideline: Decision based on MTUS'],
    scope: 'keyword.other.label.maximus.imr',
    runs: ['MAXIMUS guideline:'],
  },
];

function label(c: Case): string {
  const text = Array.isArray(c.input) ? c.input.join(' ⏎ ') : c.input;
  return `${c.scope} in «${text.trim()}»`;
}

for (const c of cases) {
  test(label(c), async () => {
    const grammar = await loadGrammar();
    const lines = tokenizeLines(grammar, Array.isArray(c.input) ? c.input : [c.input]);
    assert.deepEqual(scopedRuns(lines, c.scope), c.runs, formatTokens(lines));
  });
}

test('the scope of the decision word is Upheld or Overturned, and the colon before it is title text', async () => {
  const grammar = await loadGrammar();
  const [line] = tokenizeLines(grammar, ['Tramadol 50mg #60: Upheld ']);
  assert.ok(scopesAt(line, line.text.indexOf('Upheld')).includes(UPHELD));
  assert.ok(scopesAt(line, line.text.indexOf(':')).includes('meta.item.title.imr'));
  assert.deepEqual(scopesAt(line, line.text.length - 1), [], 'the trailing space is plain');
});

test('CRLF text tokenizes exactly like LF text', async () => {
  const grammar = await loadGrammar();
  const lf = readFileSync(path.join(seedsDir, '004_a9481a5a1cd48426.txt'), 'utf8').replace(/\r\n/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.notEqual(lf, crlf);
  assert.equal(formatTokens(tokenizeText(grammar, crlf)), formatTokens(tokenizeText(grammar, lf)));
});

test('a carriage return left at the end of a line does not hide the constructs ending there', async () => {
  const grammar = await loadGrammar();
  const lines = tokenizeLines(grammar, ['CLINICAL CASE SUMMARY \r', 'Myofascial Release:  Overturned \r', 'Upheld\r']);
  assert.deepEqual(scopedRuns(lines, HEADING), ['CLINICAL CASE SUMMARY']);
  assert.deepEqual(scopedRuns(lines, OVERTURNED), ['Overturned']);
  assert.deepEqual(scopedRuns(lines, UPHELD), ['Upheld']);
});

test('a phrase left open at the end of a line closes on the next non-blank line, whatever it holds', async () => {
  const grammar = await loadGrammar();
  const openers = [
    'the request is not ',
    'the request is not medically ',
    'the request is medically ',
    'Decision based on MTUS Knee Complaints 2004, Section(s): Special ',
    'see https://example.org/guide-',
  ];
  for (const opener of openers) {
    const lines = tokenizeLines(grammar, [opener, '', ' ', 'Nothing to continue here ', 'CLINICAL CASE SUMMARY ']);
    const root = tokenizeLines(grammar, ['plain'])[0].depth;
    assert.ok(lines[0].depth > root, `«${opener}» opens a rule`);
    assert.ok(lines[2].depth > root, `«${opener}»: blank lines keep it open`);
    assert.equal(lines[3].depth, root, `«${opener}»: the next non-blank line closes it`);
    assert.deepEqual(scopedRuns(lines, HEADING), ['CLINICAL CASE SUMMARY'], opener);
  }
});
