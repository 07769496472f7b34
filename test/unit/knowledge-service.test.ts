// Tests of the entry a service points to, for a citation that names a guideline or a chapter but no section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCitations } from '../../core/parser/citations/paragraph';
import { LineIndex } from '../../core/text/lines';
import { citationHoverMarkdown, resolveCitation } from '../../core/knowledge/index';
import { entryForService, odgChapterOfService } from '../../core/knowledge/serviceTopic';
import { serviceWords } from '../../core/text/serviceWords';
import type { GuidelineCitation } from '../../core/model';

function cite(text: string): GuidelineCitation {
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  assert.ok(c, text);
  return c;
}

function suggested(citation: string, service: string): string | undefined {
  const c = cite(citation);
  return entryForService(c, resolveCitation(c), service)?.id;
}

const BARE_ODG = 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG).';

test('a bare ODG citation: the body part the service names picks the chapter', () => {
  assert.equal(suggested(BARE_ODG, 'MRI of the lumbar spine'), 'odg-lb-mri');
  assert.equal(suggested(BARE_ODG, 'MRI without contrast of the right hip'), 'odg-hip-mri');
  assert.equal(suggested(BARE_ODG, 'Cervical CT scan'), 'odg-neck-ct');
  assert.equal(suggested(BARE_ODG, 'Platelet-rich plasma injection to the right knee'), 'odg-knee-prp');
  assert.equal(suggested(BARE_ODG, 'Right shoulder arthroscopy RCR (rotator cuff repair) and decompression'), 'odg-shoulder-rotator-cuff');
  // Drugs and visits hold for any body part.
  assert.equal(suggested(BARE_ODG, 'Norco 7.5-325mg #112'), 'odg-pain-opioid-drugs');
  assert.equal(suggested(BARE_ODG, 'Follow up office visit times 2'), 'odg-office-visits');
  // The Fitness for Duty chapter is of no body part either.
  assert.equal(suggested(BARE_ODG, 'Functional capacity evaluation'), 'odg-fce');
});

test('no suggestion without one body part for body-specific topics, or with nothing the guideline holds', () => {
  assert.equal(suggested(BARE_ODG, 'MRI'), undefined);
  assert.equal(suggested(BARE_ODG, 'MRI of the lumbar spine and the left shoulder'), undefined);
  assert.equal(suggested(BARE_ODG, 'Baclofen 20mg #60'), undefined);
  assert.equal(suggested(BARE_ODG, '#60, 2 refills'), undefined);
  // Number words are quantities, not topics ("four" is in an opioid entry's "four A's").
  assert.equal(suggested('Decision based on MTUS Chronic Pain Medical Treatment 2016.', 'Chirophysio therapy two times a week for four weeks for the right elbow'), undefined);
});

test('a chapter cited without a topic: the service picks within the chapter', () => {
  assert.equal(suggested('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back.', 'X-rays lumbar spine'), 'odg-lb-xray');
  assert.equal(suggested('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back.', 'Right L5-S1 epidural steroid injection'), 'odg-lb-esi');
  assert.equal(suggested('Decision based on MTUS Low Back Complaints 2004.', 'MRI of the lumbar spine'), 'acoem2004-lb-special-studies');
  assert.equal(suggested('Decision based on MTUS Knee Complaints 2004.', 'MRI of the right knee'), 'acoem2004-knee-special-studies');
  assert.equal(suggested('Decision based on MTUS Chronic Pain Medical Treatment 2016.', 'Naproxen 500mg #60'), 'cpmtg-nsaids');
});

test('a citation that names its section, or a topic the knowledge base lacks, gets no suggestion', () => {
  assert.equal(suggested('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Epidural steroid injections (ESIs).', 'MRI of the lumbar spine'), undefined);
  assert.equal(suggested('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 298.', 'MRI of the lumbar spine'), undefined);
  assert.equal(suggested('Decision based on Non-MTUS Citation Official Disability Guidelines, Forearm, Wrist & Hand - Open reduction internal fixation.', 'Wrist MRI'), undefined);
  // Guidelines whose overview is the topic.
  assert.equal(suggested('Decision based on MTUS Acupuncture Treatment 2007.', 'Acupuncture 12 sessions'), undefined);
});

test('service words: quantities, doses, sides and schedules go; the x of X-rays stays', () => {
  assert.equal(serviceWords('Physical therapy 2 times a week for 6 weeks (12 sessions) to the right elbow'), 'Physical therapy for to the elbow');
  assert.equal(serviceWords('X-rays of right hip, 2 x 3'), 'X-rays of hip,');
  assert.equal(serviceWords('Associated surgical service: Slingshot sling'), 'Slingshot sling');
  assert.equal(odgChapterOfService('Carpal tunnel release of the right wrist'), 'carpal-tunnel');
  assert.equal(odgChapterOfService('MRI of the left foot and ankle'), 'ankle');
  assert.equal(odgChapterOfService('Physical therapy'), undefined);
});

test('the hover offers the service\'s entry after the overview, says it is not cited, and escapes the service', () => {
  const md = citationHoverMarkdown(cite(BARE_ODG), { service: 'MRI of the *lumbar* spine [x](http://example.com)' });
  const [overview, suggestion] = md.split('\n\n---\n\n');
  assert.match(overview, /whole guideline/);
  assert.match(suggestion, /^\*The citation names no section\. For the service decided here, "MRI of the \\\*lumbar\\\* spine \\\[x\\\]\(http:\/\/example\.com\)", this guideline has \(not cited by the letter\):\*/);
  assert.match(suggestion, /Low back: MRI \(magnetic resonance imaging\)/);
  // Without a service, or with a citation naming its section, the hover is what it was.
  assert.doesNotMatch(citationHoverMarkdown(cite(BARE_ODG)), /names no section/);
  assert.doesNotMatch(
    citationHoverMarkdown(cite('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Epidural steroid injections (ESIs).'), { service: 'MRI of the lumbar spine' }),
    /names no section/,
  );
});

test("the entry offered is said to be cited where the item's other paragraph cites it, and only then", () => {
  const bare = cite(BARE_ODG);
  const mri = cite('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, MRIs (magnetic resonance imaging).');
  const esi = cite('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Epidural steroid injections (ESIs).');
  const hover = (other: GuidelineCitation) =>
    citationHoverMarkdown(bare, {
      service: 'MRI of the lumbar spine',
      itemCitations: [
        { citation: bare, paragraph: 'Claims Administrator guideline' },
        { citation: other, paragraph: 'MAXIMUS guideline' },
      ],
    });
  assert.match(hover(mri), /this guideline has \(cited in the item's "MAXIMUS guideline" paragraph\):\*/);
  assert.doesNotMatch(hover(mri), /not cited by the letter/);
  // Another section of the guideline cited there does not count, nor the citation itself.
  assert.match(hover(esi), /\(not cited by the letter\)/);
  assert.match(citationHoverMarkdown(bare, { service: 'MRI of the lumbar spine', itemCitations: [{ citation: bare, paragraph: 'MAXIMUS guideline' }] }), /\(not cited by the letter\)/);
});
