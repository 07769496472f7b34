// Tests of the citation resolver: by section (spelling variants), section number, page and chapter; externals; page mismatches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCitations } from '../../core/parser/citations/paragraph';
import { LineIndex } from '../../core/text/lines';
import { resolveCitation, regimeAt, citationCompletions, citationHoverMarkdown } from '../../core/knowledge/index';
import type { GuidelineCitation } from '../../core/model';
import { corpusLetters, corpusSkip, lettersDir, seedsDir } from '../support/env';
import { parseLetter } from '../../core/parser/parseLetter';
import { odgChapterKey } from '../../core/knowledge/odgChapters';

function cites(text: string): GuidelineCitation[] {
  return parseCitations(new LineIndex(text), 0, text.length).citations;
}

function ids(text: string, letterDate?: string): string[][] {
  return cites(text).map((c) => resolveCitation(c, { letterDate }).entries.map((e) => e.id));
}

test('CPMTG 2016 section names in their spelling variants', () => {
  for (const section of ['Physical medicine treatment', 'Physical Medicine', 'physical therapy', 'PHYSICAL MEDICINE']) {
    assert.deepEqual(ids(`Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): ${section}.`), [['cpmtg-physical-medicine']], section);
  }
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for p ain).'), [['cpmtg-muscle-relaxants']]);
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Treatment Guidelines Manual therapy and Manipulation.'), [['cpmtg-manual-therapy']]);
});

test('several sections, and several citations in one paragraph', () => {
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs).'), [
    ['cpmtg-nsaids-gi', 'cpmtg-ppis'],
  ]);
  assert.deepEqual(
    ids('Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.'),
    [['acoem2004-lb-summary'], ['cpmtg-facet-blocks']],
  );
});

test('ACOEM 2004 sections resolve within the cited chapter', () => {
  assert.deepEqual(ids('Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.'), [['acoem2004-lb-special-studies']]);
  assert.deepEqual(ids('Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies.'), [['acoem2004-neck-special-studies']]);
  assert.deepEqual(ids('Decision based on MTUS Low Back Complaints 2004, Section(s): Diagnositc Criteria, Inital Care.'), [['acoem2004-lb-diagnostic', 'acoem2004-lb-initial-care']]);
  assert.deepEqual(ids('Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.'), [['acoem2004-ch3']]);
});

test('by chapter alone, and by guideline alone', () => {
  assert.deepEqual(ids('Decision based on MTUS Knee Complaints 2004.'), [['acoem2004-ch13']]);
  assert.deepEqual(ids('Decision based on MTUS Acupuncture Treatment 2007.'), [['acupuncture-guideline']]);
  assert.deepEqual(ids('Decision based on MTUS Opioid Treatment 2016.'), [['opioids2016-overview']]);
});

test('the ACOEM-based MTUS (2017) and the formulary', () => {
  assert.deepEqual(ids('Decision based on MTUS Low Back Disorders 2017, Section(s): Acupuncture.'), [['acoem2017-low-back-acupuncture']]);
  assert.deepEqual(ids('Decision based on MTUS Cervical and Thoracic Spine Disorders 2017.'), [['acoem2017-overview']]);
  assert.deepEqual(ids('Decision based on MTUS Elbow Disorders 2007.'), [['acoem2004-ch10']]);
  assert.deepEqual(ids('Decision based on MTUS Drug Formulary 2018, Section(s): Special Fill.'), [['formulary-special-fill']]);
});

test('Opioid Treatment 2016 sections resolve by section number', () => {
  const r = resolveCitation(
    cites('Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment, 4.1 Tapering Opioids: Indications for Tapering Opioids.')[0],
  );
  assert.deepEqual(r.entries.map((e) => e.section), ['3.3.9', '4.1']);
  assert.deepEqual(r.matches.map((m) => m.via), ['section-number', 'section-number']);
});

test('by page: the 2009 CPMTG and ACOEM 2004 pages of the seeds', () => {
  const seed001 = cites('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 298,Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98.');
  const [acoem, cp] = seed001.map((c) => resolveCitation(c));
  assert.ok(acoem.entries.some((e) => e.id === 'acoem2004-lb-physical-methods'));
  assert.deepEqual(cp.entries.map((e) => e.id), ['cpmtg-physical-medicine']);
  assert.equal(cp.matches[0].via, 'page');
  assert.deepEqual(ids('Decision based on MTUS ACOEM Page(s): 308.'), [['acoem2004-lb-summary']]);
  assert.deepEqual(ids('Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 177-179.'), [['acoem2004-neck-special-studies']]);
  // Several pages: each names its own topic (the narrowest entry holding it), not only the narrowest of all.
  assert.deepEqual(ids('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 298, 306, 308.'), [
    ['acoem2004-lb-physical-methods', 'acoem2004-lb-surgical', 'acoem2004-lb-summary'],
  ]);
});

test('seed 004: Chapter 5 with the neck chapter\'s pages is a page mismatch', () => {
  const text = readFileSync(path.join(seedsDir, '004_a9481a5a1cd48426.txt'), 'utf8');
  const start = text.indexOf('MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 5');
  const end = text.indexOf('Decision rationale:', start);
  const [ch5, massage] = parseCitations(new LineIndex(text), start + 'MAXIMUS guideline:'.length, end).citations;
  const r = resolveCitation(ch5);
  assert.equal(r.pageMismatch?.kind, 'chapter');
  assert.equal(r.pageMismatch?.foundIn?.number, 8);
  assert.match(r.pageMismatch?.message ?? '', /173-174.*Chapter 8.*not in Chapter 5/);
  assert.deepEqual(r.entries.map((e) => e.id), ['acoem2004-neck-passive']);
  assert.equal(resolveCitation(massage).pageMismatch, undefined);
});

test('pages that do not hold the cited topic, and pages past the end of the guideline', () => {
  const wrong = resolveCitation(cites('Decision based on MTUS Chronic Pain Treatment Guidelines Massage Therapy Page(s): 98.')[0]);
  assert.equal(wrong.pageMismatch?.kind, 'topic');
  const right = resolveCitation(cites('Decision based on MTUS Chronic Pain Treatment Guidelines Massage Therapy Page(s): 60.')[0]);
  assert.equal(right.pageMismatch, undefined);
  const past = resolveCitation(cites('Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 240.')[0]);
  assert.equal(past.pageMismatch?.kind, 'guideline');
  const inside = resolveCitation(cites('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300.')[0]);
  assert.equal(inside.pageMismatch, undefined);
});

test('ODG chapters and topics, spelled the many ways letters spell them', () => {
  const cases: [string, string][] = [
    ['Official Disability Guidelines (ODG), Low Back Chapter, Physical Therapy', 'odg-pt-guidelines'],
    ['Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic (Acute & Chronic), MRIs (magnetic resonance imaging)', 'odg-lb-mri'],
    ['Official Disability Guidelines (ODG), Shoulder Chapter, Magnetic resonance imaging (MRI)', 'odg-shoulder-mri'],
    ['Official Disability Guidelines (ODG) MRI shoulder', 'odg-shoulder-mri'],
    ['Official Disability Guidelines (ODG) Neck and Upper Back, Decompression-Traction', 'odg-neck-traction'],
    ['Official Disability Guidelines (ODG), Pain', 'odg-ch-pain'],
    ['Official Disability Guidelines (ODG)', 'odg-overview'],
    ['Official Disability Guidelines (ODG) Hips & Pelvis Chapter, X-Ray', 'odg-hip-xray'],
    ['Official Disability Guidelines: Low Back - Trigger Point Impedance Imaging (TPII)', 'odg-lb-tpii'],
  ];
  for (const [body, id] of cases) {
    assert.deepEqual(ids(`Decision based on Non-MTUS Citation ${body}.`), [[id]], body);
  }
});

test('ACOEM 3rd edition and ACOEM 2nd edition chapters cited as Non-MTUS', () => {
  assert.deepEqual(ids('Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.'), [['acoem3-low-back-facet']]);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Non-MTUS: ACOEM Practice Guidelines, Third Edition, Low Back, Treatments, Sacroiliac Joint Injections section.'), [['acoem3-si-joint']]);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation ACOEM Guidelines, Chapter 7, Independent Medical Examinations and Consultations, page 137.'), [['acoem2004-fce']]);
});

test('articles and links are external sources, with the link', () => {
  const [c] = cites('Decision based on Non-MTUS Citation http://www.drugs.com/famotidine.html.');
  const r = resolveCitation(c);
  assert.equal(r.status, 'external');
  assert.equal(r.external?.url, 'http://www.drugs.com/famotidine.html');
  assert.equal(resolveCitation(cites('Decision based on Non-MTUS Citation Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016.')[0]).status, 'external');
});

test('unknown guidelines and unknown topics stay unresolved, and say what', () => {
  const r = resolveCitation(cites('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Hyperbaric oxygen chambers.')[0]);
  assert.equal(r.status, 'unresolved');
  assert.deepEqual(r.unresolved, ['Hyperbaric oxygen chambers']);
  const partial = resolveCitation(cites('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics, Hyperbaric oxygen chambers.')[0]);
  assert.equal(partial.status, 'resolved');
  assert.deepEqual(partial.unresolved, ['Hyperbaric oxygen chambers']);
  assert.equal(resolveCitation(cites('Decision based on MTUS Widget Guidelines 2004.')[0]).status, 'unresolved');
});

test('the regime by letter date, and the edition in force', () => {
  assert.equal(regimeAt('2015-03-01')?.id, 'cpmtg-2009');
  assert.equal(regimeAt('2016-07-28')?.id, 'cpmtg-2016');
  assert.equal(regimeAt('2017-11-30')?.id, 'cpmtg-2016');
  assert.equal(regimeAt('2017-12-01')?.id, 'acoem-2017');
  assert.equal(regimeAt('12/01/2017'), undefined);
  const [c] = cites('Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine.');
  assert.equal(resolveCitation(c, { letterDate: '2016-12-09' }).edition?.edition, '2016');
  assert.equal(resolveCitation(c, { letterDate: '2014-05-01' }).edition?.edition, '2009');
});

test('every completion is a citation the parser reads back and the resolver finds', () => {
  const items = citationCompletions();
  assert.ok(items.length > 100, `${items.length} completions`);
  assert.ok(items.some((i) => i.insertText === 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.'));
  for (const item of items) {
    const parsed = cites(item.insertText);
    assert.equal(parsed.length, 1, item.insertText);
    const r = resolveCitation(parsed[0]);
    assert.equal(r.status, 'resolved', item.insertText);
    assert.deepEqual(r.unresolved, [], item.insertText);
    assert.ok(item.documentation.length > 40 && item.detail.length > 0);
  }
});

test('property: resolving and hovering any citation the parser reads never throws and stays consistent', async () => {
  const fc = (await import('fast-check')).default;
  const words = ['Decision based on MTUS ', 'Decision based on Non-MTUS Citation ', 'Chronic Pain Medical Treatment 2016, Section(s): ', 'Low Back Complaints 2004', 'ACOEM Chapter 12 Low Back Complaints ', 'Page(s): ', '98', '173-174', ', and ', 'Official Disability Guidelines (ODG), ', 'Knee & Leg, ', 'MRI', 'Opioid Treatment 2016, Section(s): 3.3.9 Opioids', 'http://x.org/a', 'Massage Therapy ', ', ', '. ', '\n', '(', ')', '3rd ed., '];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 5 })), { maxLength: 25 }), fc.option(fc.constantFrom('2014-01-01', '2016-12-20', '2018-02-01', 'not a date')), (parts, date) => {
      const text = parts.join('');
      for (const c of cites(text)) {
        const r = resolveCitation(c, { letterDate: date ?? undefined });
        assert.ok(['resolved', 'external', 'unresolved'].includes(r.status));
        assert.equal(r.status === 'resolved', r.entries.length > 0);
        if (r.status === 'external') assert.equal(r.entries.length, 0);
        for (const m of r.matches) assert.ok(r.entries.includes(m.entry));
        assert.match(citationHoverMarkdown(c, { letterDate: date ?? undefined }), /Evidence hierarchy/);
      }
    }),
    { numRuns: 300 },
  );
});

// The wordings below come from DWC decisions outside the corpus (CM16-0243394, CM16-0248471, CM17-0006838,
// CM17-0008177, CM17-0009883, CM17-0017693, ...): citations the knowledge base first missed or misread.
test('ODG topics beyond the corpus letters: drugs, devices, procedures and imaging of other chapters', () => {
  const cases: [string, string][] = [
    ['Official Disability Guidelines (ODG), Pain Chapter (Online version) Diclofenac', 'odg-pain-diclofenac'],
    ['Official Disability Guidelines (ODG) Pain Section/Voltaren® Gel (diclofenac) Topic', 'odg-pain-diclofenac'],
    ['Official Disability Guidelines (ODG) Low Back, Adhesiolysis, percutaneous', 'odg-lb-adhesiolysis'],
    ['Official Disability Guidelines (ODG), Neck and Upper Back Chapter, Pillow', 'odg-neck-pillow'],
    ['Official Disability Guidelines (ODG) Neck & upper back, Cervical pillows', 'odg-neck-pillow'],
    ['Official Disability Guidelines (ODG), Elbow, Splinting (padding)', 'odg-elbow-splinting'],
    ['Official Disability Guidelines (ODG) 2016 Shoulder Chapter: MR arthrogram', 'odg-shoulder-mr-arthrogram'],
    ['Official Disability Guidelines (ODG) Shoulder Chapter, Surgery for SLAP lesions', 'odg-shoulder-slap'],
    ['Official Disability Guidelines (ODG) Knee/ Transportation', 'odg-knee-transportation'],
    ['Official Disability Guidelines (ODG) Ankle and Foot section, Bone scan (imaging)', 'odg-ankle-bone-scan'],
    ['Official Disability Guidelines (ODG) head, MRI', 'odg-head-mri'],
    ['Official Disability Guidelines, Head Chapter, MRI (Magnetic Resonance Imaging)', 'odg-head-mri'],
    ['ODG Guidelines, 14th Edition, 2016, Knee Chapter', 'odg-ch-knee'],
    // A drug is the same drug under any chapter: the Pain chapter's entry serves a knee citation.
    ['Official Disability Guidelines (ODG) Knee & Leg, Diclofenac', 'odg-pain-diclofenac'],
    // So is a functional capacity evaluation, from the Fitness for Duty chapter.
    ['Official Disability Guidelines (ODG) Low Back, Functional capacity evaluation (FCE)', 'odg-fce'],
  ];
  for (const [body, id] of cases) {
    const [c] = cites(`Decision based on Non-MTUS Citation ${body}.`);
    const r = resolveCitation(c);
    assert.deepEqual(r.entries.map((e) => e.id), [id], body);
    assert.deepEqual(r.unresolved, [], body);
  }
});

test('an ODG topic is not taken from another body part: the cited chapter stands in, and the topic stays unresolved', () => {
  // Before: the ankle's bone scan, the neck's MRI and the shoulder's sling answered for these.
  const cases: [string, string, string][] = [
    ['Official Disability Guidelines (ODG) Hip and Pelvis Chapter, Bone scan', 'odg-ch-hip', 'Bone scan'],
    ['Official Disability Guidelines (ODG) Hernia, MR arthrogram', 'odg-ch-hernia', 'MR arthrogram'],
    ['Official Disability Guidelines (ODG) Knee & Leg, Postoperative abduction pillow sling', 'odg-ch-knee', 'Postoperative abduction pillow sling'],
    ['Official Disability Guidelines, Forearm, Wrist & Hand - Open reduction internal fixation', 'odg-ch-forearm', 'Open reduction internal fixation'],
  ];
  for (const [body, chapter, topic] of cases) {
    const r = resolveCitation(cites(`Decision based on Non-MTUS Citation ${body}.`)[0]);
    assert.equal(r.status, 'resolved', body);
    assert.deepEqual(r.matches.map((m) => [m.entry.id, m.via]), [[chapter, 'chapter']], body);
    assert.deepEqual(r.unresolved, [topic], body);
    const hover = citationHoverMarkdown(cites(`Decision based on Non-MTUS Citation ${body}.`)[0]);
    assert.match(hover, new RegExp(`Not in the knowledge base: "${topic.replace(/[()]/g, '\\$&')}"`), body);
  }
  // Without a chapter, a topic may still be found in any chapter.
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) MR arthrogram.'), [['odg-shoulder-mr-arthrogram']]);
});

test("a chapter's overview answers for no topic: two surgeries the chapter entry does not hold stay unresolved", () => {
  const body = 'Official Disability Guidelines (ODG) Shoulder, Surgery for shoulder dislocation & Surgery for biceps tenodesis';
  const r = resolveCitation(cites(`Decision based on Non-MTUS Citation ${body}.`)[0]);
  assert.deepEqual(r.matches.map((m) => [m.entry.id, m.via]), [['odg-ch-shoulder', 'chapter']]);
  assert.deepEqual(r.unresolved, ['Surgery for shoulder dislocation & Surgery for biceps tenodesis']);
  // "Physical therapy/Preface" is the Preface's physical therapy, not the Preface itself.
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Physical therapy/Preface.'), [['odg-pt-guidelines']]);
});

test('what parentheses add does not make the topic: "Antiemetics (for opioid nausea)" is not the opioids section', () => {
  const r = resolveCitation(cites('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Antiemetics (for opioid nausea).')[0]);
  assert.equal(r.status, 'unresolved');
  assert.deepEqual(r.unresolved, ['Antiemetics (for opioid nausea)']);
  // A topic whose words outside the parentheses name the entry still finds it.
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain).'), [['cpmtg-muscle-relaxants']]);
  assert.deepEqual(ids('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids (for chronic pain).')[0].length, 1);
});

test('"Indications for imaging" beside a study is the heading of that study\'s section, not a second topic', () => {
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Neck and Upper Back, Indications for imaging, CT (computed tomography).'), [['odg-neck-ct']]);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder, Indications for imaging, MRI (magnetic resonance imaging).'), [['odg-shoulder-mri']]);
  // Alone, it is still read (the study's entries carry it as an alias).
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder, Indications for imaging.'), [['odg-shoulder-mri']]);
});

test("acupuncture under ODG's neck chapter is the neck's entry (not recommended), under the pain chapter the general one", () => {
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Neck and Upper Back, Acupuncture.'), [['odg-neck-acupuncture']]);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain (Chronic) Acupuncture.'), [['odg-acupuncture']]);
  assert.deepEqual(ids('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Acupuncture.'), [['odg-acupuncture']]);
  const neck = citationHoverMarkdown(cites('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Neck and Upper Back, Acupuncture.')[0]);
  assert.match(neck, /\*\*Recommendation:\*\* not recommended/);
  assert.doesNotMatch(neck, /option for chronic low back and neck pain/);
});

test("a topic cited under another ODG chapter than its entry's: the title names the chapter cited, and a line says whose entry it is", () => {
  const c = cites('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Hip and Pelvis Chapter, Skilled nursing facility LOS (SNF).')[0];
  assert.deepEqual(resolveCitation(c).entries.map((e) => e.id), ['odg-knee-snf']);
  const hover = citationHoverMarkdown(c);
  assert.match(hover, /^\*\*Official Disability Guidelines · current edition · Hip \\& Pelvis \(Acute \\& Chronic\) · Skilled nursing facility/);
  assert.match(hover, /entry in the Knee \\& Leg \(Acute \\& Chronic\) chapter; the letter cites the topic in the Hip \\& Pelvis \(Acute \\& Chronic\) chapter, whose criteria may differ/);
  assert.doesNotMatch(hover, /Letters cite it under/);
  // Cited under its own chapter, no such line.
  const own = citationHoverMarkdown(cites('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, Skilled nursing facility (SNF) care.')[0]);
  assert.match(own, /Knee \\& Leg \(Acute \\& Chronic\) · Skilled nursing facility/);
  assert.doesNotMatch(own, /whose criteria may differ/);
});

test("ACOEM 2004's edition in a hover: the elbow chapter's revision is named in the elbow chapter only", () => {
  const lowBack = citationHoverMarkdown(cites('Decision based on MTUS Low Back Complaints 2004, Section(s): Summary.')[0]);
  assert.match(lowBack, /2nd edition, 2004 · /);
  assert.doesNotMatch(lowBack, /elbow/i);
  const elbow = citationHoverMarkdown(cites('Decision based on MTUS Elbow Disorders 2007, Section(s): Surgical Considerations.')[0]);
  assert.match(elbow, /^\*\*ACOEM Practice Guidelines in the MTUS · 2nd edition, 2004; elbow chapter revised 2007 · Chapter 10: Elbow Complaints/);
});

test('MTUS beyond the corpus: Elbow Disorders 2007, Stress-Related Conditions, the Postsurgical elbow', () => {
  assert.deepEqual(ids('Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations.'), [['acoem2004-elbow-recommendations']]);
  assert.deepEqual(ids('Decision based on MTUS Postsurgical Treatment 2009, Section(s): Elbow & Upper Arm.'), [['postsurgical-elbow']]);
  const elbow = resolveCitation(cites('Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations, Radial Head Fracture.')[0]);
  assert.deepEqual(elbow.entries.map((e) => e.id), ['acoem2004-elbow-recommendations']);
  assert.deepEqual(elbow.unresolved, ['Radial Head Fracture']);
  // "Stress-Related" with its hyphen is the ACOEM chapter 15; a section it has no entry for falls back to the chapter.
  const stress = resolveCitation(cites('Decision based on MTUS Stress-Related Conditions 2004, Section(s): General Approach.')[0]);
  assert.equal(stress.guideline?.id, 'mtus-acoem-2004');
  assert.deepEqual(stress.matches.map((m) => [m.entry.id, m.via]), [['acoem2004-ch15', 'chapter']]);
  assert.deepEqual(stress.unresolved, ['General Approach']);
  assert.deepEqual(ids('Decision based on MTUS Stress Related Conditions 2004.'), [['acoem2004-ch15']]);
});

test('corpus: an ODG topic cited under a chapter resolves within that chapter, or to a topic that holds for any body part', { skip: corpusSkip }, () => {
  let checked = 0;
  for (const name of corpusLetters()) {
    const model = parseLetter(readFileSync(path.join(lettersDir, name), 'utf8'));
    for (const item of model.items) {
      for (const c of [item.claimsAdministratorGuideline, item.maximusGuideline].flatMap((p) => p?.citations ?? [])) {
        if (c.source !== 'ODG' || !c.chapter || !c.sections) continue;
        const key = odgChapterKey(c.chapter.title);
        if (!key) continue;
        for (const m of resolveCitation(c).matches) {
          // A section that names another chapter ("Neck & Upper Back, Low Back ...") resolves to that chapter.
          if (m.via === 'chapter') continue;
          const e = m.entry;
          const general = ['pain', 'preface', 'fitness', 'mental'].includes(e.chapter?.key ?? '') && !/\b(?:MRI|CT|x-rays?|imaging|bone scan)\b/i.test(e.topic);
          assert.ok(e.chapter?.key === key || e.alsoIn?.includes(key) || general, `${name}: "${c.text}" → ${e.id}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} ODG topics checked`);
});
