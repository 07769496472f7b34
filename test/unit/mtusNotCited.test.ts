// An MTUS section on the service of an item decided on other guidelines (core/knowledge/mtusNotCited.ts): the
// section a service's words name, when it is offered, and the hover's line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../core/languageService';
import { mtusEntryForService, mtusNotCited } from '../../core/knowledge/mtusNotCited';
import { sectionLabel } from '../../core/knowledge/sections';
import { parseLetter } from '../../core/parser/parseLetter';
import { corpusLetters, corpusSkip } from '../support/env';
import { readCorpusLetter } from '../lsp/mutants';

const section = (service: string) => {
  const e = mtusEntryForService(service);
  return e && sectionLabel(e);
};

/** A letter of one item decided on `maximus` (the MAXIMUS guideline paragraph), dated `decided` (MM/DD/YYYY). */
function letter(maximus: string, decided?: string, service = 'MRI of the left shoulder'): string {
  return [
    'Case Number: CM17-0000001',
    ...(decided ? [`Date Assigned: 01/02/2017 Date of Injury: 03/04/2015`, `Decision Date: ${decided} UR Denial Date: 12/01/2016`] : []),
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    `${service}: Upheld`,
    '',
    'Claims Administrator guideline: Decision based on Non-MTUS Citation ODG Shoulder, MRI.',
    '',
    `MAXIMUS guideline: ${maximus}`,
    '',
    'Decision rationale: There are no red flags. The request is not medically necessary.',
    '',
  ].join('\n');
}
const outside = 'The MAXIMUS physician based his/her decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder Chapter, MRI.';

describe('the MTUS section on a service', () => {
  test("a service's words name the Chronic Pain guideline's section, or its body part's ACOEM chapter's", () => {
    assert.equal(section('MRI of the left shoulder without contrast'), 'MTUS ACOEM: Shoulder: Special Studies (imaging)');
    assert.equal(section('X-Ray of the lumbar spine'), 'MTUS ACOEM: Low back: Special Studies (imaging and electrodiagnostics)');
    assert.equal(section('Physical therapy, 2 times a week for 4 weeks, right knee'), 'MTUS Chronic Pain: Physical medicine (physical therapy, occupational therapy)');
    assert.equal(section('Fioricet #120'), 'MTUS Chronic Pain: Barbiturate-containing analgesic agents (BCAs)');
  });

  test("a prescription's directions are not the service's words: the drug's section is found through them", () => {
    assert.equal(section('Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam, may repeat dose 1/2 hour after first dose for anxiety'), 'MTUS Chronic Pain: Benzodiazepines');
    assert.equal(section('Diazepam (Valium) 5mg #2'), 'MTUS Chronic Pain: Benzodiazepines');
    assert.equal(section('Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill'), 'MTUS Chronic Pain: Lidoderm (lidocaine patch)');
  });

  test("a cream, gel or compound of an oral drug is the Chronic Pain guideline's topical analgesics, not the drug's section", () => {
    assert.equal(section('Compound Cyclobenzaprine 5%, 240 grams'), 'MTUS Chronic Pain: Topical analgesics');
    assert.equal(section('Diclofenac sodium 3% 300mg/g #1'), 'MTUS Chronic Pain: Topical analgesics');
    // The drug by mouth keeps its section, and a topical with a section of its own keeps that one.
    assert.equal(section('Cyclobenzaprine 7.5mg #60'), 'MTUS Chronic Pain: Cyclobenzaprine (Flexeril)');
    assert.equal(section('Lidocaine 5% patch #1'), 'MTUS Chronic Pain: Lidoderm (lidocaine patch)');
  });

  test('no section for a service the MTUS sections only seem to name, nor for one they do not hold', () => {
    for (const service of ['Platelet-rich plasma injection to the right knee', 'MRI Thoracic Spine', 'Bilateral hearing aids', 'standard wheelchair for a 2 month rental', 'CT scan of the head', '']) {
      assert.equal(section(service), undefined, service);
    }
  });

  test('offered for a decision on other guidelines in the 2009 and 2016 MTUS, not when the MTUS is cited, nothing is, or the date is unknown or later', () => {
    const of = (text: string) => {
      const model = parseLetter(text);
      const e = mtusNotCited(model.items[0], model.header?.decisionDate?.value);
      return e && sectionLabel(e);
    };
    assert.equal(of(letter(outside, '02/01/2017')), 'MTUS ACOEM: Shoulder: Special Studies (imaging)');
    assert.equal(of(letter('The MAXIMUS physician based his/her decision on recommendation(s) outside of the MTUS Guidelines.', '02/01/2017')), 'MTUS ACOEM: Shoulder: Special Studies (imaging)', 'said to be outside the MTUS, nothing cited');
    assert.equal(of(letter('Decision based on MTUS ACOEM Chapter 9 Shoulder Complaints Page(s): 207-209. Decision based on Non-MTUS Citation ODG Shoulder, MRI.', '02/01/2017')), undefined, 'the MTUS cited');
    assert.equal(of(letter('The reviewer did not cite any medical evidence for its decision.', '02/01/2017')), undefined, 'no guideline at all');
    assert.equal(of(letter(outside, '03/01/2018')), undefined, 'the ACOEM-based MTUS of December 2017 has other chapters');
    assert.equal(of(letter(outside)), undefined, 'no decision date');
    assert.equal(of(letter(outside, '02/01/2017', 'Bilateral hearing aids')), undefined, 'no MTUS section on the service');
  });

  test("the item title's hover says so, with the section's pages, and the summary panel's context", () => {
    const ls = createLanguageService();
    const text = letter(outside, '02/01/2017');
    const doc = TextDocument.create('file:///mtus.txt', 'imr', 1, text);
    const item = ls.getLetter(doc)!.items[0];
    const value = (ls.getHover(doc, item.title.range.start)?.contents as MarkupContent).value;
    assert.match(value, /\n\nMTUS not cited: the MTUS has a section on this service, \*\*MTUS ACOEM: Shoulder: Special Studies \(imaging\)\*\* \(pp?\. [\d–, ]+\)\. The MTUS comes first among the standards of medical necessity \(Labor Code 4610\.5\(c\)\(2\)\)/);
    const cited = TextDocument.create('file:///mtus2.txt', 'imr', 1, letter('Decision based on MTUS ACOEM Chapter 9 Shoulder Complaints Page(s): 207-209.', '02/01/2017'));
    assert.doesNotMatch((ls.getHover(cited, ls.getLetter(cited)!.items[0].title.range.start)?.contents as MarkupContent).value, /MTUS not cited/);
    // The summary panel's context (imr/itemContext) names it too.
    assert.deepEqual(ls.getItemContext(doc).map((c) => c.mtusNotCited), ['MTUS ACOEM: Shoulder: Special Studies (imaging)']);
    assert.deepEqual(ls.getItemContext(cited).map((c) => c.mtusNotCited), [undefined]);
  });

  test('over the corpus: the eight items decided outside the MTUS on a service it has a section on, each read by hand', { skip: corpusSkip }, () => {
    const found: string[] = [];
    for (const f of corpusLetters()) {
      const model = parseLetter(readCorpusLetter(f));
      for (const item of model.items) {
        const e = mtusNotCited(item, model.header?.decisionDate?.value);
        if (e) found.push(`${f.slice(0, 3)} ${item.service} => ${sectionLabel(e)}`);
      }
    }
    assert.deepEqual(found, [
      '038 MRI for lumbar spine with contrast => MTUS ACOEM: Low back: Special Studies (imaging and electrodiagnostics)',
      '042 X-Ray of the lumbar spine => MTUS ACOEM: Low back: Special Studies (imaging and electrodiagnostics)',
      '052 MRI scan of the cervical spine => MTUS ACOEM: Neck: Special Studies (imaging and electrodiagnostics)',
      '146 Fioricet #120 => MTUS Chronic Pain: Barbiturate-containing analgesic agents (BCAs)',
      '148 MRI of the left shoulder => MTUS ACOEM: Shoulder: Special Studies (imaging)',
      '149 Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam, may repeat dose 1/2 hour after first dose for anxiety => MTUS Chronic Pain: Benzodiazepines',
      '165 Physical therapy, 2 times a week for 4 weeks, right knee => MTUS Chronic Pain: Physical medicine (physical therapy, occupational therapy)',
      '169 MRI Cervical Spine => MTUS ACOEM: Neck: Special Studies (imaging and electrodiagnostics)',
    ]);
  });
});
