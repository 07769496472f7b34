// Tests of the guideline-citation reader on seed and corpus paragraphs, and that it never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { citationSourceText, citationTextWithLink, parseCitations } from '../../core/parser/citations/paragraph';
import { compactCitation } from '../../cli/table';
import { parsePages, splitSections } from '../../core/parser/citations/mtus';
import { LineIndex, comparePositions } from '../../core/text/lines';
import type { Range } from '../../core/model';
import { corpusLetters, corpusSkip, lettersDir, seedsDir } from '../support/env';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** The paragraph after the n-th occurrence of a label, up to the next label, as parseCitations sees it. */
function paragraph(text: string, label: string, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(label, at + 1);
  assert.ok(at >= 0, `label ${label} #${nth} not found`);
  const start = at + label.length;
  const next = /MAXIMUS guideline:|Decision rationale:/g;
  next.lastIndex = start;
  const m = next.exec(text);
  const end = m ? m.index : text.length;
  const doc = new LineIndex(text);
  return { doc, start, end, parsed: parseCitations(doc, start, end) };
}

const seed = (name: string) => readFileSync(path.join(seedsDir, name), 'utf8');
const letter = (name: string) => readFileSync(path.join(lettersDir, name), 'utf8');

test('seed 001: two Page(s) citations in one sentence, then an ODG citation (double-spaced)', () => {
  const { parsed } = paragraph(seed('001_7412a174a059eca0.txt'), 'MAXIMUS guideline:');
  assert.equal(parsed.citations.length, 3);
  const [acoem, cpmtg, odg] = parsed.citations;
  assert.deepEqual(acoem.range, r(64, 19, 66, 12));
  assert.equal(acoem.text, 'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 298');
  assert.equal(acoem.kind, 'mtus');
  assert.equal(acoem.guideline, 'ACOEM');
  assert.deepEqual(acoem.chapter, { number: 12, title: 'Low Back Complaints' });
  assert.deepEqual(acoem.pages, [{ from: 298, to: 298 }]);

  assert.deepEqual(cpmtg.range, r(66, 13, 66, 84));
  assert.equal(cpmtg.guideline, 'Chronic Pain Treatment Guidelines');
  assert.equal(cpmtg.edition, 'Effective July 18, 2009');
  assert.deepEqual(cpmtg.pages, [{ from: 98, to: 98 }]);

  assert.deepEqual(odg.range, r(66, 87, 70, 16));
  assert.equal(odg.kind, 'non-mtus');
  assert.equal(odg.source, 'ODG');
  assert.equal(odg.chapter?.title, 'Low Back Chapter');
  assert.deepEqual(odg.sections, ['Physical Therapy']);
  assert.equal(odg.text, 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter, Physical Therapy');
  assert.deepEqual(parsed.statements, []);
});

test('seed 004: a Chapter 5 page citation and a topic citation with pages', () => {
  const { parsed } = paragraph(seed('004_a9481a5a1cd48426.txt'), 'MAXIMUS guideline:', 1);
  assert.equal(parsed.citations.length, 2);
  const [ch5, massage] = parsed.citations;
  assert.deepEqual(ch5.chapter, { number: 5, title: 'Cornerstones of Disability Prevention and Management' });
  assert.deepEqual(ch5.pages, [{ from: 173, to: 174 }]);
  assert.equal(ch5.pagesText, '173-174');
  assert.deepEqual(massage.sections, ['Massage Therapy']);
  assert.deepEqual(massage.pages, [{ from: 60, to: 60 }]);
  assert.equal(massage.range.end.line, ch5.range.end.line + 2, 'the topic citation ends two lines down (double-spaced)');
});

test('seed 004: the not-based-on-MTUS statement and an ODG chapter + topic', () => {
  const { parsed } = paragraph(seed('004_a9481a5a1cd48426.txt'), 'Claims Administrator guideline:', 0);
  assert.deepEqual(
    parsed.statements.map((s) => [s.kind, s.text, s.range]),
    [['not-based-on-mtus', 'The Claims Administrator did not base their decision on the MTUS.', r(84, 32, 86, 5)]],
  );
  assert.equal(parsed.citations.length, 1);
  assert.deepEqual(parsed.citations[0].range, r(86, 7, 88, 34));
  assert.equal(parsed.citations[0].chapter?.title, 'Neck and Upper Back');
  assert.deepEqual(parsed.citations[0].sections, ['Decompression-Traction']);
});

test('seed 004: upper-case topic after a repeated guideline name', () => {
  const { parsed } = paragraph(seed('004_a9481a5a1cd48426.txt'), 'Claims Administrator guideline:', 3);
  const c = parsed.citations.find((x) => x.pages?.[0]?.from === 46);
  assert.ok(c, JSON.stringify(parsed.citations));
  assert.deepEqual(c.sections, ['EPIDURAL STEROID INJECTIONS']);
});

test('corpus 001: two MTUS guidelines joined by "and", then ACOEM 3rd edition with pg.', { skip: corpusSkip }, () => {
  const { parsed } = paragraph(letter('001_CM16-0219557.txt'), 'MAXIMUS guideline:');
  assert.equal(parsed.citations.length, 3);
  const [lb, cp, acoem] = parsed.citations;
  assert.deepEqual(lb.range, r(54, 19, 55, 7));
  assert.equal(lb.guideline, 'Low Back Complaints');
  assert.equal(lb.edition, '2004');
  assert.deepEqual(lb.sections, ['Summary']);
  assert.deepEqual(cp.range, r(55, 13, 55, 74));
  assert.equal(cp.text, 'Chronic Pain Medical Treatment 2016, Section(s): Facet blocks');
  assert.deepEqual(cp.sections, ['Facet blocks']);
  assert.equal(acoem.source, 'ACOEM');
  assert.equal(acoem.edition, '3rd ed.');
  assert.equal(acoem.chapter?.title, 'Low Back Disorders');
  assert.deepEqual(acoem.pages, [{ from: 607, to: 607 }]);
  assert.deepEqual(acoem.range, r(55, 78, 57, 18));
});

test('the basis statements in "their", "his/her" and "his or her", each over its exact words', () => {
  for (const who of ['their', 'his/her', 'his or her']) {
    const outside = `The MAXIMUS physician based ${who} decision on recommendation(s) outside of the MTUS Guidelines.`;
    const notBased = `The Claims Administrator did not base ${who} decision on the MTUS.`;
    const text = `MAXIMUS guideline: ${outside} ${notBased}\nDecision rationale: x\n`;
    const { parsed, doc } = paragraph(text, 'MAXIMUS guideline:');
    const at = (range: Range) => text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
    assert.deepEqual(
      parsed.statements.map((st) => [st.kind, at(st.range)]),
      [
        ['outside-mtus', outside],
        ['not-based-on-mtus', notBased],
      ],
      who,
    );
  }
});

test('corpus 005: URLs broken at line ends are rejoined, one citation per URL', { skip: corpusSkip }, () => {
  const { parsed } = paragraph(letter('005_CM16-0229336.txt'), 'MAXIMUS guideline:');
  assert.deepEqual(parsed.statements.map((s) => s.kind), ['outside-mtus']);
  assert.deepEqual(
    parsed.citations.map((c) => [c.source, c.url?.value]),
    [
      ['url', 'http://www.slideshare.net/julenemcalister/differences-between-inpatient-rehabilitation-skilled-nursing-care'],
      ['url', 'https://medicalinsider.holy-cross.com/acute-inpatient-rehabilitation-versus-skilled-nursing-facility-rehabilitation'],
    ],
  );
  assert.deepEqual(parsed.citations[0].url?.range, r(56, 0, 57, 12));
  assert.deepEqual(parsed.citations[1].url?.range, r(57, 14, 58, 31));
});

test('a link broken at a line end reads whole in the citation text shown (the table, the hover), not as the page broke it', () => {
  const text = 'Decision based on Non-MTUS Citation Smith J. Rehabilitation after surgery, http://www.example.org/inpatient-rehabilitation-skilled-\nnursing-care, accessed 01/02/2017.';
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  assert.equal(c.url?.value, 'http://www.example.org/inpatient-rehabilitation-skilled-nursing-care');
  assert.match(c.text, /skilled- nursing-care/);
  assert.equal(citationTextWithLink(c), c.text.replace('skilled- nursing-care', 'skilled-nursing-care'));
  assert.equal(compactCitation(c), citationSourceText(citationTextWithLink(c)));
  assert.doesNotMatch(compactCitation(c), /skilled- nursing/);
});

test('corpus: numbered Opioid Treatment 2016 sections split only at section numbers', { skip: corpusSkip }, () => {
  const { parsed } = paragraph(letter('164_CM17-0015333.txt'), 'Claims Administrator guideline:', 3);
  const opioid = parsed.citations.find((c) => c.guideline === 'Opioid Treatment');
  assert.ok(opioid?.sections && opioid.sections.length > 3, JSON.stringify(parsed.citations));
  for (const s of opioid.sections) assert.match(s, /^\d+(\.\d+)*\.? Opioids|^\d+(\.\d+)*\.? Tapering/);
  assert.ok(opioid.sections.some((s) => s.includes('Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse')));
});

test('corpus 130: ODG chapter/topic pairs, one citation each, then "and Other Medical Treatment Guidelines" with a link broken after a hyphen', { skip: corpusSkip }, () => {
  const { parsed } = paragraph(letter('130_CM17-0009996.txt'), 'MAXIMUS guideline:');
  assert.deepEqual(parsed.statements.map((s) => s.kind), ['outside-mtus']);
  assert.equal(parsed.citations.length, 3);
  const [knee, back, link] = parsed.citations;
  assert.deepEqual([knee.source, knee.chapter?.title, knee.sections], ['ODG', 'Knee', ['DME']]);
  assert.deepEqual(knee.range, r(52, 24, 53, 14));
  assert.deepEqual([back.source, back.chapter?.title, back.sections], ['ODG', 'Low Back Lumbar and Thoracic', ['Mattress selection']]);
  assert.equal(back.text, 'Low Back Lumbar and Thoracic/Mattress selection');
  assert.deepEqual(back.range, r(53, 16, 53, 63));
  assert.equal(link.source, 'url');
  assert.equal(link.url?.value, 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Transmittals/downloads/R148CIM.pdf');
  assert.deepEqual(link.range, r(54, 21, 55, 52));
});

test('ODG: several chapters in one citation become one citation each, with or without the guideline named again', () => {
  const read = (body: string) => {
    const text = `MAXIMUS guideline: Decision based on Non-MTUS Citation ${body}.\n`;
    return paragraph(text, 'MAXIMUS guideline:').parsed.citations.map((c) => [c.chapter?.title, c.sections ?? [], c.edition ?? '', c.text]);
  };
  assert.deepEqual(read('Official Disability Guidelines, Shoulder Chapter, Hand Chapter, Physical therapy'), [
    ['Shoulder Chapter', [], '', 'Decision based on Non-MTUS Citation Official Disability Guidelines, Shoulder Chapter'],
    ['Hand Chapter', ['Physical therapy'], '', 'Hand Chapter, Physical therapy'],
  ]);
  assert.deepEqual(read('Official Disability Guidelines (ODG) Low back, Manipulation; Neck and Upper back, Manipulation'), [
    ['Low back', ['Manipulation'], '', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low back, Manipulation'],
    ['Neck and Upper back', ['Manipulation'], '', 'Neck and Upper back, Manipulation'],
  ]);
  assert.deepEqual(read('ODG, Shoulder (updated 12/12/16), Physical therapy, ODG Elbow (updated 11/23/16), Physical therapy').map((c) => c.slice(0, 3)), [
    ['Shoulder', ['Physical therapy'], '(updated 12/12/16)'],
    ['Elbow', ['Physical therapy'], '(updated 11/23/16)'],
  ]);
  // One chapter whose name holds a comma, and a one-word chapter name that may be a topic, stay one citation.
  assert.deepEqual(read('ODG Low Back, Lumbar & Thoracic (Acute & Chronic), Exercise').map((c) => c.slice(0, 2)), [
    ['Low Back, Lumbar & Thoracic (Acute & Chronic)', ['Exercise']],
  ]);
  assert.deepEqual(read('ODG Knee, Hand, Pain').map((c) => c.slice(0, 2)), [['Knee', ['Hand', 'Pain']]]);
  // Two chapters joined by "and" (a held-out letter): each its own, the first ending before "and".
  assert.deepEqual(read('Official Disability Guidelines (ODG) Low Back and neck Chapter, Physical Therapy'), [
    ['Low Back', [], '', 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back'],
    ['neck Chapter', ['Physical Therapy'], '', 'neck Chapter, Physical Therapy'],
  ]);
  // "and" inside a chapter's name, or before a topic, joins nothing.
  assert.deepEqual(read('ODG Neck and Upper Back, Acupuncture').map((c) => c.slice(0, 2)), [['Neck and Upper Back', ['Acupuncture']]]);
  assert.deepEqual(read('ODG Knee & Leg, Physical therapy and Pain').map((c) => c.slice(0, 2)), [['Knee & Leg', ['Physical therapy', 'Pain']]]);
  // A chapter named after the topic (corpus 114); a last piece that is not a chapter stays a topic.
  assert.deepEqual(read('Official Disability Guidelines (ODG) physical therapy, elbow chapter').map((c) => c.slice(0, 2)), [
    ['elbow chapter', ['physical therapy']],
  ]);
  assert.deepEqual(read('ODG Physical therapy, Opioids chapter').map((c) => c.slice(0, 2)), [[undefined, ['Physical therapy', 'Opioids chapter']]]);
});

test('corpus 110: "Non-" / "MTUS Citation" broken across lines, a parenthesised chapter, a bare www link', { skip: corpusSkip }, () => {
  const { parsed } = paragraph(letter('110_CM17-0007151.txt'), 'MAXIMUS guideline:');
  assert.deepEqual(
    parsed.citations.map((c) => [c.kind, c.source]),
    [
      ['mtus', 'MTUS'],
      ['non-mtus', 'ODG'],
      ['non-mtus', 'url'],
    ],
  );
  assert.deepEqual(parsed.citations[0].sections, ['Physical Methods', 'Special Studies', 'Surgical Considerations', 'Summary']);
  assert.equal(parsed.citations[1].chapter?.title, 'Low Back (Thoracic and Lumbar, Acute and Chronic) Chapter');
  assert.deepEqual(parsed.citations[1].sections, ['Epidural Steroid Injection (ESI)']);
  assert.match(parsed.citations[1].text, /^Decision based on Non- MTUS Citation Official Disability Guidelines/);
  assert.equal(parsed.citations[2].url?.value, 'www.mdguidelines.com');
});

test('statements: no medical evidence', () => {
  const text = 'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision. \n \n';
  const doc = new LineIndex(text);
  const start = text.indexOf(':') + 1;
  const parsed = parseCitations(doc, start, text.length);
  assert.deepEqual(parsed.citations, []);
  assert.deepEqual(parsed.statements, [
    { kind: 'no-medical-evidence', text: 'The Claims Administrator did not cite any medical evidence for its decision.', range: r(0, 32, 0, 108) },
  ]);
});

test('sections keep commas that belong to one topic', () => {
  assert.deepEqual(splitSections('NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs).'), [
    'NSAIDs, GI symptoms & cardiovascular risk',
    'Proton Pump Inhibitors (PPIs)',
  ]);
  assert.deepEqual(splitSections('TENS, chronic pain (transcutaneous electrical nerve stimulation)'), [
    'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
  ]);
  assert.deepEqual(splitSections('Naproxen (Naprosyn, Anaprox DS [otc], Naprelan), NSAIDs (non-steroidal anti-inflammatory drugs)'), [
    'Naproxen (Naprosyn, Anaprox DS [otc], Naprelan)',
    'NSAIDs (non-steroidal anti-inflammatory drugs)',
  ]);
  assert.deepEqual(splitSections('Knee, Forearm, Wrist, & Hand'), ['Knee', 'Forearm, Wrist, & Hand']);
  assert.deepEqual(splitSections('Special Studies, Summary'), ['Special Studies', 'Summary']);
});

test('pages: ranges, lists and trailing commas', () => {
  assert.deepEqual(parsePages('114-116'), [{ from: 114, to: 116 }]);
  assert.deepEqual(parsePages('60, 98'), [{ from: 60, to: 60 }, { from: 98, to: 98 }]);
  assert.deepEqual(parsePages('298,'), [{ from: 298, to: 298 }]);
});

test('a citation wrapped across several lines with CRLF line ends keeps exact ranges', () => {
  const text = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, \r\n\r\nSection(s): Physical medicine \r\ntreatment.  \r\n';
  const doc = new LineIndex(text);
  const parsed = parseCitations(doc, 'MAXIMUS guideline:'.length, text.length);
  assert.equal(parsed.citations.length, 1);
  const c = parsed.citations[0];
  assert.deepEqual(c.sections, ['Physical medicine treatment']);
  assert.deepEqual(c.range, r(0, 19, 3, 9));
  assert.equal(c.text, 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment');
});

const vocabulary = [
  'Decision based on MTUS ',
  'Decision based on Non-MTUS Citation ',
  'Chronic Pain Medical Treatment 2016, Section(s): ',
  'Low Back Complaints 2004',
  ', and ',
  'Page(s): ',
  '114-116',
  ',',
  '.',
  ' ',
  '\n',
  '\r\n',
  '\n \n',
  'Official Disability Guidelines (ODG) ',
  'Low Back - Lumbar & Thoracic (Acute & Chronic)',
  '(updated 11/23/16)',
  'http://www.example.org/a-',
  'b/c.html',
  'ACOEM Chapter 12 ',
  '3.3.1 Opioids: ',
  'The Expert Reviewer did not cite any medical evidence for its decision.',
  '(',
  ')',
  '\u00e9\ud83d\ude00',
];

test('property: never throws, and every range lies within [start, end]', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 6 })), { maxLength: 40 }),
      fc.nat(),
      fc.nat(),
      (parts, a, b) => {
        const text = parts.join('');
        const doc = new LineIndex(text);
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length - start === 0 ? 0 : b % (text.length - start + 1));
        const parsed = parseCitations(doc, start, end);
        const lo = doc.positionAt(start);
        const hi = doc.positionAt(end);
        const ranges = [...parsed.citations.map((c) => c.range), ...parsed.statements.map((s) => s.range)];
        for (const c of parsed.citations) if (c.url) ranges.push(c.url.range);
        for (const rg of ranges) {
          assert.ok(comparePositions(lo, rg.start) <= 0, `range starts before the paragraph: ${JSON.stringify(rg)}`);
          assert.ok(comparePositions(rg.end, hi) <= 0, `range ends after the paragraph: ${JSON.stringify(rg)}`);
          assert.ok(comparePositions(rg.start, rg.end) <= 0);
        }
        for (const c of parsed.citations) assert.doesNotMatch(c.text, /\s{2}|\n/);
      },
    ),
    { numRuns: 400 },
  );
});

test('corpus: every "Decision based on" yields a citation whose text is what the range covers', { skip: corpusSkip }, () => {
  let paragraphs = 0;
  let citations = 0;
  for (const name of corpusLetters()) {
    const text = letter(name);
    const doc = new LineIndex(text);
    const re = /(?:Claims Administrator|MAXIMUS) guideline:/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].length;
      const next = /MAXIMUS guideline:|Decision rationale:/g;
      next.lastIndex = start;
      const n = next.exec(text);
      const end = n ? n.index : text.length;
      const parsed = parseCitations(doc, start, end);
      paragraphs++;
      const body = text.slice(start, end).replace(/\s+/g, ' ');
      const heads = body.match(/Decision based on/g)?.length ?? 0;
      assert.ok(parsed.citations.length >= heads, `${name}: ${heads} heads but ${parsed.citations.length} citations in "${body}"`);
      if (heads === 0) assert.ok(parsed.statements.length > 0 || body.trim() === '', `${name}: nothing read from "${body}"`);
      for (const c of parsed.citations) {
        citations++;
        const covered = text.slice(doc.offsetAt(c.range.start), doc.offsetAt(c.range.end)).replace(/\s+/g, ' ');
        assert.equal(covered, c.text, `${name}: range and text disagree`);
        if (c.kind === 'mtus') assert.ok(c.guideline, `${name}: MTUS citation without a guideline: ${c.text}`);
      }
    }
  }
  assert.ok(paragraphs > 500, `only ${paragraphs} guideline paragraphs found`);
  assert.ok(citations > 500, `only ${citations} citations read`);
});

test('upper-case PAGE(S): and a page list with a space', () => {
  const text = 'Decision based on MTUS CHRONIC PAIN TREATMENT GUIDELINES MASSAGE THERAPY PAGE(S): 60, 98.';
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  assert.equal(c.guideline, 'CHRONIC PAIN TREATMENT GUIDELINES');
  assert.deepEqual(c.sections, ['MASSAGE THERAPY']);
  assert.deepEqual(c.pages, [{ from: 60, to: 60 }, { from: 98, to: 98 }]);
  assert.equal(c.text, 'Decision based on MTUS CHRONIC PAIN TREATMENT GUIDELINES MASSAGE THERAPY PAGE(S): 60, 98');
});

test('Non-MTUS: "ACOEM guidelines and the Official Disability Guidelines" cites two sources; an ACOEM chapter before "/" and its topic', () => {
  const text =
    'Claims Administrator guideline: Decision based on Non-MTUS Citation ACOEM guidelines and the Official Disability\nGuidelines.\n\n' +
    'MAXIMUS guideline: Decision based on Non-MTUS Citation ACOEM Hip and Groin Chapter/Diagnostic and treatment recommendations.\n';
  const claims = paragraph(text, 'Claims Administrator guideline:').parsed.citations;
  assert.deepEqual(
    claims.map((c) => [c.source, c.text]),
    [
      ['ACOEM', 'Decision based on Non-MTUS Citation ACOEM guidelines'],
      ['ODG', 'Official Disability Guidelines'],
    ],
  );
  assert.deepEqual(claims[1].range, r(0, 93, 1, 10));
  const [acoem] = paragraph(text, 'MAXIMUS guideline:').parsed.citations;
  assert.deepEqual([acoem.source, acoem.chapter?.title, acoem.sections], ['ACOEM', 'Hip and Groin', ['Diagnostic and treatment recommendations']]);
});

test('Non-MTUS: a reference glued onto an ODG citation is a citation of its own (letter 097), with exact ranges', () => {
  const text =
    'Claims Administrator guideline: Decision based on Non-MTUS Citation Official Disability \n' +
    'Guidelines (ODG), Low back, Lumbar & Thoracic (Acute & Chronic) - Manipulation Harris J. \n' +
    'Occupational medicine practice guidelines, 2nd edition (2004) p 301. \n';
  for (const eol of ['\n', '\r\n']) {
    const { parsed } = paragraph(text.replace(/\n/g, eol), 'Claims Administrator guideline:');
    assert.equal(parsed.citations.length, 2, eol);
    const [odg, acoem] = parsed.citations;
    assert.equal(odg.source, 'ODG');
    assert.deepEqual(odg.chapter, { title: 'Low back, Lumbar & Thoracic (Acute & Chronic)' });
    assert.deepEqual(odg.sections, ['Manipulation']);
    assert.deepEqual(odg.range, r(0, 32, 1, 78));
    assert.equal(acoem.text, 'Harris J. Occupational medicine practice guidelines, 2nd edition (2004) p 301');
    assert.deepEqual(acoem.range, r(1, 79, 2, 67));
    // Harris J. edited ACOEM's second edition, the one in the 2004 MTUS: its pages are that guideline's.
    assert.deepEqual([acoem.source, acoem.edition, acoem.pages, acoem.chapter, acoem.sections], ['ACOEM', '2nd ed.', [{ from: 301, to: 301 }], undefined, undefined]);
  }
});

test('Non-MTUS: after "accessed DATE," another article starts (letter 152); a list of authors is one reference', () => {
  const text =
    'MAXIMUS guideline: Decision based on Non-MTUS Citation What is an electrocardiogram? National Heart, Lung, \n' +
    'and Blood Institute. http://www.nhlbi.nih.gov/health/health-topics/topics/ekg, accessed 02/18/2017, Benditt D, et al. \n' +
    'Syncope in adults: Clinical manifestations and diagnostic evaluation. UpToDate, accessed 02/18/2017. \n';
  const { parsed, doc } = paragraph(text, 'MAXIMUS guideline:');
  assert.deepEqual(
    parsed.citations.map((c) => [c.source, c.text, c.url?.value]),
    [
      [
        'article',
        'Decision based on Non-MTUS Citation What is an electrocardiogram? National Heart, Lung, and Blood Institute. http://www.nhlbi.nih.gov/health/health-topics/topics/ekg, accessed 02/18/2017',
        'http://www.nhlbi.nih.gov/health/health-topics/topics/ekg',
      ],
      ['article', 'Benditt D, et al. Syncope in adults: Clinical manifestations and diagnostic evaluation. UpToDate, accessed 02/18/2017', undefined],
    ],
  );
  const second = parsed.citations[1].range;
  assert.equal(doc.text.slice(doc.offsetAt(second.start), doc.offsetAt(second.start) + 'Benditt D'.length), 'Benditt D');
  assert.deepEqual(second.end, { line: 2, character: 99 }); // before the closing period

  // Not split: an access date that ends the citation, co-authors after a comma, an ODG topic without a year after it.
  for (const body of [
    'Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016',
    'Smith J, Jones K. Lumbar fusion outcomes. Spine 2004',
    'Official Disability Guidelines (ODG), Pain Chapter, Vitamin D. Testing',
  ]) {
    const line = `MAXIMUS guideline: Decision based on Non-MTUS Citation ${body}.\n`;
    assert.equal(paragraph(line, 'MAXIMUS guideline:').parsed.citations.length, 1, body);
  }
});

test('ODG: edition phrases are not topics ("(Online version)", "14th Edition, 2016", a year in front), nor is a trailing "Topic"', () => {
  const one = (body: string) => {
    const text = `Decision based on Non-MTUS Citation ${body}.`;
    const cs = parseCitations(new LineIndex(text), 0, text.length).citations;
    assert.equal(cs.length, 1, body);
    const { edition, chapter, sections } = cs[0];
    return { edition, chapter: chapter?.title, sections };
  };
  assert.deepEqual(one('Official Disability Guidelines (ODG), Pain Chapter (Online version) Diclofenac'), {
    edition: '(Online version)',
    chapter: 'Pain Chapter',
    sections: ['Diclofenac'],
  });
  assert.deepEqual(one('ODG Guidelines, 14th Edition, 2016, Knee Chapter'), { edition: '14th Edition, 2016', chapter: 'Knee Chapter', sections: undefined });
  assert.deepEqual(one('Official Disability Guidelines (ODG) 2016 Shoulder Chapter: MR arthrogram'), {
    edition: '2016',
    chapter: 'Shoulder Chapter',
    sections: ['MR arthrogram'],
  });
  assert.deepEqual(one('Official Disability Guidelines (ODG) Pain Section/Voltaren® Gel (diclofenac) Topic'), {
    edition: undefined,
    chapter: 'Pain Section',
    sections: ['Voltaren® Gel (diclofenac)'],
  });
  // "Physical Medicine Topic" without its label still names the topic.
  assert.deepEqual(one('Official Disability Guidelines (ODG) Knee, Physical Medicine Topic').sections, ['Physical Medicine']);
});

test('MTUS: "Stress-Related Conditions" (hyphenated) is ACOEM chapter 15', () => {
  const text = 'Decision based on MTUS Stress-Related Conditions 2004, Section(s): General Approach.';
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  assert.deepEqual(c.chapter, { number: 15, title: 'Stress-Related Conditions' });
  assert.deepEqual(c.sections, ['General Approach']);
});
