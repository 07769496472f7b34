// The kind of service an item decides (core/text/serviceWords.ts): what the precedents and the folder summary's
// service groups compare.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../core/parser/parseLetter';
import { sameServiceKey } from '../../core/summary/folderStats';
import { serviceKind, serviceWords } from '../../core/text/serviceWords';
import { corpusLetters, corpusSkip, lettersDir } from '../support/env';

test('one kind whatever the quantity, dose, side, schedule, plural, synonym or word order', () => {
  const same = [
    ['Norco 10/325mg #60', 'Norco 5/325mg #30', 'Retrospective: Norco 7.5-325mg #112'],
    ['MRI of the cervical spine', 'Cervical spine MRI without contrast', 'MRI (magnetic resonance imaging) of the cervical spine', 'MRI Cervical Spine', 'cervical MRI'],
    ['EMG/NCV of the bilateral upper extremities', 'NCV/EMG bilateral upper extremity', 'EMG/NCS of the upper extremities'],
    ['NCS of the left upper extremity', 'Nerve conduction velocity studies of the upper extremity', 'Nerve Conduction Velocity, upper extremity', 'Nerve conduction study of the right upper extremity'],
    ['X-rays of the lumbar spine', 'Lumbar spine x-ray', 'One (1) x-ray of the lumbar spine', 'Radiographs of the lumbar spine'],
    ['Physical therapy 2 times a week for 6 weeks', 'Eight (8) physical therapy sessions', 'Physical Therapy sessions, 12', 'Additional physical therapy x 6'],
    ['Associated surgical service: Cold therapy unit, 7 day rental', 'Cold therapy unit'],
    // The spine's regions by their other names.
    ['Physical therapy for the lumbar spine 2 times a week for 3 weeks', 'Physical therapy to the low back two sessions', 'Physical therapy 2 times a week for 6 weeks lower back'],
    ['MRI of the neck', 'MRI of the cervical spine'],
    // A brand and its generic name.
    ['Norco 10/325mg #90', 'Hydrocodone/APAP 10/325mg #60', 'Hydrocodone/acetaminophen 7.5/325', 'Vicodin'],
    ['Ultram 50mg #60', 'Tramadol 50mg #30'],
    ['Meloxicam (Mobic) 7.5mg #30', 'Mobic 15mg', 'Meloxicam 7.5mg'],
    ['Flexeril 10mg #90', 'Cyclobenzaprine 7.5mg #60'],
    ['Lidoderm patches', 'Lidocaine 5% patch #30'],
  ];
  for (const group of same) for (const s of group) assert.equal(serviceKind(s), serviceKind(group[0]), `${s} ~ ${group[0]}`);
  assert.equal(serviceKind('MRI of the cervical spine'), 'cervical mri');
});

test('other kinds: another body part, another drug, another test, a repeat', () => {
  const different = [
    ['MRI of the cervical spine', 'MRI of the lumbar spine'],
    ['MRI of the lumbar spine', 'Repeat MRI of the lumbar spine'],
    ['MRI of the lumbar spine without contrast', 'MRI for lumbar spine with contrast'],
    ['MRI of the lumbar spine', 'MRI of the lumbar spine with and without contrast'],
    ['Norco 10/325mg #60', 'Percocet 10/325mg #60'],
    ['Norco 10/325mg #60', 'Hydrocodone ER 20mg'],
    ['Tramadol 50mg', 'Tramadol ER 150mg'],
    ['Lidoderm patch', 'Lidocaine ointment 5%'],
    ['EMG of the upper extremities', 'EMG/NCS of the upper extremities'],
    ['Physical therapy for the knee', 'Physical therapy for the lumbar spine'],
    ['Lidocaine 5% patch', 'Lidocaine 5% ointment'],
  ];
  for (const [a, b] of different) assert.notEqual(serviceKind(a), serviceKind(b), `${a} / ${b}`);
});

test('a word whose singular ends in s stays whole: -is, -us, -as, -ss, an acronym in capitals', () => {
  const kinds: [string, string][] = [
    ['TENS unit', 'tens'],
    ['TENS', 'tens'],
    ['tens unit, purchase', 'tens'],
    ['EMS/TENS unit', 'ems tens'],
    ['TENS unit, daily trial, cervical and thoracic spine, #30', 'cervical tens thoracic'],
    ['X-ray of the pelvis', 'pelvis xray'],
    ['MARS MRI scan of right hip', 'hip mars mri scan'],
    ['Salonpas pad #60', 'pad salonpas'],
    ['Pre-op urinalysis', 'op pre urinalysis'],
    ['Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis', 'arthroscopy bankart bicep possible repair shoulder tenodesis'],
    ['Physical therapy for the neck, left trapezius and low back', 'cervical lumbar physical therapy trapezius'],
  ];
  for (const [service, kind] of kinds) assert.equal(serviceKind(service), kind, service);
  // Plurals still go, an acronym's too (its s in lower case), and in a service all in capitals.
  const same = [
    ['EMGs of the upper extremities', 'EMG of the upper extremity'],
    ['Lumbar ESIs', 'Lumbar ESI'],
    ['CTs of the head', 'CT scan of the head'],
    ['NCVs of the lower extremities', 'NCS of the lower extremity'],
    ['Lidocaine patches', 'Lidocaine patch'],
    ['PHYSICAL THERAPY FOR THE KNEES', 'Physical therapy for the knee'],
    ["Home aide to assist with ADL's", 'Home aide to assist with ADLs', 'Home aide'],
  ];
  for (const group of same) for (const s of group) assert.equal(serviceKind(s), serviceKind(group[0]), `${s} ~ ${group[0]}`);
  // A word kept whole is still a word of its own: the MARS MRI (metal artifact reduction) is not the usual MRI.
  assert.notEqual(serviceKind('MARS MRI of the hip'), serviceKind('MRI of the hip'));
});

test('PT next to PTT or INR is the clotting test (prothrombin time), any other PT physical therapy', () => {
  for (const lab of ['Labs - PT/PTT', 'Pre-operative PT/PTT', 'Pre-op labs: PT/PTT', 'PT and PTT', 'PTT/PT', 'PT/INR']) {
    const kind = serviceKind(lab);
    assert.match(kind, /\bprothrombin\b/, lab);
    assert.doesNotMatch(kind, /\b(?:physical|therapy)\b/, lab);
  }
  assert.equal(serviceKind('Labs - PT/PTT'), serviceKind('Labs: prothrombin time and partial thromboplastin time'));
  const same = [
    ['PT 2 times a week for 6 weeks', 'Physical therapy x 12'],
    ['PT for the lumbar spine', 'Physical therapy to the low back'],
  ];
  for (const group of same) for (const s of group) assert.equal(serviceKind(s), serviceKind(group[0]), `${s} ~ ${group[0]}`);
  assert.equal(serviceKind('PT/OT 18 sessions left hand'), 'hand ot physical therapy');
  assert.notEqual(serviceKind('Pre-op PT/PTT'), serviceKind('Pre-op PT'));
});

test("a prescription's directions are dropped: how a drug is taken, not which", () => {
  const same = [
    ['Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam, may repeat dose 1/2 hour after first dose for anxiety', 'Diazepam 5mg #10', 'Valium 10mg'],
    ['Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours as needed for moderate to severe pain #30', 'Tramadol 50mg #60'],
    ['Post-op Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed', 'Post-op Hydrocodone/APAP 10/325mg'],
    ['Post-op Colace 100mg #60, 1 tablet by mouth as needed', 'Post-op docusate'],
    ['Pantoprazole 40mg, one by mouth, twice a day #60 with one refill', 'Pantoprazole 20mg #30', 'Pantoprazole 20 mg p.o. bid'],
    ['Lorzone 750mg one by mouth three times a day #45', 'Chlorzoxazone 500mg'],
    ['Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill', 'Diclofenac gel 1% 100 g'],
    ['Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill', 'Lidocaine 5% patch #30'],
    ['Norco 5/325mg oral tablet, one tablet twice daily 14 days #40', 'Norco 10/325mg #60'],
    ['Cyclobenzaprine 5mg tab #30', 'Cyclobenzaprine 7.5mg #60', 'Cyclobenzaprine 10 mg tablets'],
    ['Fanatrex 25mg/ml oral suspension 420ml', 'Fanatrex (unknown quantity)'],
    ['Home aide 6 hours per day, 5 times a week for 4 weeks to assist with mobility, transfer, ADL\'s and safety in the home when wife is working', 'Home aide 4 hours per day'],
  ];
  for (const group of same) for (const s of group) assert.equal(serviceKind(s), serviceKind(group[0]), `${s} ~ ${group[0]}`);
  assert.equal(serviceKind(same[0][0]), 'diazepam');
  assert.equal(serviceWords(same[0][0]), 'Diazepam (Valium)');
  assert.equal(serviceWords('Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill'), 'Lidoderm patch,');
  // Another drug, another form or another formulation stays apart, directions or not.
  const different = [
    ['Diazepam 5mg take 1 tab orally at bedtime', 'Alprazolam (Xanax) 0.5mg take 1 tab orally at bedtime'],
    ['Valium 5mg', 'Ativan 1mg'],
    ['Voltaren gel apply to affected area', 'Voltaren 75mg 1 tab by mouth twice a day'],
    ['Lidoderm patch apply 1 patch to affected area', 'Lidocaine ointment apply to affected area'],
    ['Tramadol 50mg take 1 tab orally as needed', 'Tramadol ER 150mg take 1 tab orally'],
    ['Norco 10/325mg 1 tab by mouth every 6 hours', 'Percocet 10/325mg 1 tab by mouth every 6 hours'],
  ];
  for (const [a, b] of different) assert.notEqual(serviceKind(a), serviceKind(b), `${a} / ${b}`);
  // Words that only look like directions, or directions that are all there is, stay.
  assert.equal(serviceWords('Apply to affected area'), 'Apply to affected area');
  assert.equal(serviceKind('Hot pack apply heat'), 'apply heat hot pack');
});

test('any string gives a kind: no exception, in lower case, the same for the same words in another order or spacing (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('MRI', 'Norco', 'of', 'the', 'lumbar', 'spine', 'x-ray', '#60', '10/325mg', 'with contrast', 'Left', '(', ')'), fc.string({ maxLength: 8 })), { maxLength: 8 }), (words) => {
      const kind = serviceKind(words.join(' '));
      assert.equal(typeof kind, 'string');
      assert.equal(kind, kind.toLowerCase());
      assert.equal(serviceKind(words.join('   ')), kind);
    }),
    { numRuns: 500 },
  );
  assert.equal(serviceKind('MRI lumbar spine'), serviceKind('lumbar spine MRI'));
});

test('a service of nothing but numbers keeps its words', () => {
  assert.equal(serviceKind('#60'), '#60');
  assert.equal(serviceKind('  12 x  6 '), '12 x 6');
});

test('over the corpus: more items find a precedent, and every group is of one kind', { skip: corpusSkip }, () => {
  const services = corpusLetters().flatMap((f) => parseLetter(readFileSync(path.join(lettersDir, f), 'utf8')).items.map((i) => i.service));
  const withPrecedent = (key: (s: string) => string) => {
    const counts = new Map<string, number>();
    for (const s of services) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    return services.filter((s) => counts.get(key(s))! > 1).length;
  };
  const exact = withPrecedent(sameServiceKey);
  const kind = withPrecedent(serviceKind);
  assert.ok(kind >= 2 * exact, `items with another of their service in the corpus: ${kind} by kind, ${exact} by the same words`);
});
