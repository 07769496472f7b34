// The research table's columns, against hand-written values: the case facts, the item's parts, both guideline
// paragraphs, and --columns.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { allColumns, tableColumns } from '../../cli/table';
import { parseCsv, runCli, seedFiles, tempDir } from './support';
import { itemsLetter } from '../support/itemsLetter';

// A letter of the 2016 template with every part the table reads: the header table (values on the next lines, as
// PDFs give them), the credentials block, the patient in the summary, and a partial, retrospective authorization
// with a date of service whose claims administrator cited no evidence.
const letter = [
  'Case Number: CM16-0000001',
  'Date Assigned: 11/09/2016 Date of Injury:  10/13/2014',
  'Decision Date: 12/09/2016 UR Denial Date:  11/03/2016',
  'Priority:  Expedited Application',
  'Received:',
  '11/04/2016',
  '',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
  '',
  'The Expert Reviewer has the following credentials:',
  'State(s) of Licensure: California,Texas',
  'Certification(s)/Specialty: Orthopaedic Surgery',
  '',
  'CLINICAL CASE SUMMARY',
  'The expert reviewer developed the following clinical case summary based on a review of the',
  'case file, including all medical records:',
  '',
  'The injured worker is a 61 year old female who sustained an industrial injury on 10-13-14.',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  'Retrospective Acupuncture 8 sessions (DOS 10/20/16) was the original request. Acupuncture 6 sessions',
  'was authorized by the Claims Administrator. The remaining IMR eligible portion of the original',
  'request, Acupuncture 2 sessions is: Overturned',
  '',
  'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its',
  'decision.',
  '',
  'MAXIMUS guideline: Decision based on MTUS Acupuncture Medical Treatment Guidelines. Decision',
  'based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter, Acupuncture.',
  '',
  'Decision rationale: The guidelines support   acupuncture when pain medication is reduced.',
  'The remaining two sessions are medically necessary.',
  '',
].join('\n');

test('table: every default column of an item, read from the header, the reviewer, the summary, the title and both guideline paragraphs', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'letter.txt');
  writeFileSync(file, letter);
  const r = runCli(['table', file], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const [header, row, ...rest] = parseCsv(r.stdout);
  assert.deepEqual(rest, []);
  assert.deepEqual(header, [...tableColumns]);
  const cells = Object.fromEntries(header.map((c, i) => [c, row[i]]));
  assert.deepEqual(cells, {
    file,
    case_number: 'CM16-0000001',
    date_assigned: '2016-11-09',
    application_received: '2016-11-04',
    priority: 'Expedited',
    decision_date: '2016-12-09',
    date_of_injury: '2014-10-13',
    ur_denial_date: '2016-11-03',
    days_ur_to_application: '1',
    days_to_decision: '35',
    days_assigned_to_decision: '30',
    patient_age: '61',
    patient_sex: 'female',
    reviewer_specialty: 'Orthopaedic Surgery',
    reviewer_licensure: 'California; Texas',
    item_index: '0',
    line: '24',
    item_title:
      'Retrospective Acupuncture 8 sessions (DOS 10/20/16) was the original request. Acupuncture 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Acupuncture 2 sessions is',
    service: 'Acupuncture 2 sessions',
    service_kind: 'acupuncture',
    original_request: 'Retrospective Acupuncture 8 sessions (DOS 10/20/16)',
    authorized: 'Acupuncture 6 sessions',
    retrospective: 'true',
    date_of_service: '2016-10-20',
    decision: 'Overturned',
    decision_text: 'Overturned',
    claims_administrator_basis: 'None cited',
    claims_administrator_guidelines: '',
    claims_administrator_sections: '',
    claims_administrator_statements: 'no-medical-evidence',
    maximus_basis: 'MTUS + ODG',
    maximus_guidelines: 'MTUS Acupuncture Medical Treatment Guidelines; ODG, Pain Chapter, Acupuncture',
    maximus_sections: 'MTUS Acupuncture: Acupuncture Medical Treatment Guidelines; ODG: Acupuncture (ODG)',
    maximus_statements: '',
    mtus_not_cited: '',
    conclusion: 'medically-necessary',
    grounds: '',
    surgery_item: '',
    surgery_basis: '',
    surgery_decision: '',
    checks: '',
  });
});

test('table: a seed letter without a header table leaves its columns empty and keeps what the letter says', (t) => {
  const dir = tempDir(t);
  const seed = seedFiles().find((f) => path.basename(f).startsWith('001_'))!;
  const file = path.join(dir, 'seed.txt');
  copyFileSync(seed, file);
  const r = runCli(['table', '--format', 'json', file], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(row), [...tableColumns]);
  assert.equal(row.case_number, null);
  assert.equal(row.priority, null);
  assert.equal(row.patient_age, null);
  assert.equal(row.date_of_injury, '2013-03-18');
  assert.equal(row.reviewer_licensure, 'California');
  assert.equal(row.line, 55);
  assert.equal(row.item_index, 0);
  assert.equal(row.retrospective, false);
  assert.equal(row.claims_administrator_basis, 'MTUS');
  assert.equal(row.claims_administrator_guidelines, 'MTUS Chronic Pain Treatment Guidelines, Physical Medicine');
  assert.equal(row.claims_administrator_sections, 'MTUS Chronic Pain: Physical medicine (physical therapy, occupational therapy)');
  assert.equal(row.maximus_basis, 'MTUS + ODG');
  assert.equal(row.maximus_statements, null);
  assert.ok(!('rationale' in row), 'the rationale is not a default column');
});

test('table --columns: the columns named, in that order, on workers too; +LIST adds to the default; unknown names are usage errors', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'letter.txt');
  writeFileSync(file, letter);
  const named = runCli(['table', '--columns', 'decision,line, rationale', file], { cwd: dir });
  assert.equal(named.status, 0, named.stderr);
  assert.deepEqual(parseCsv(named.stdout), [
    ['decision', 'line', 'rationale'],
    ['Overturned', '24', 'The guidelines support acupuncture when pain medication is reduced. The remaining two sessions are medically necessary.'],
  ]);

  const added = runCli(['table', '--format', 'json', '--columns=+rationale,case_number', file], { cwd: dir });
  assert.equal(added.status, 0, added.stderr);
  const [row] = JSON.parse(added.stdout) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(row), [...tableColumns, 'rationale']);
  assert.match(String(row.rationale), /^The guidelines support acupuncture/);

  // Enough files for workers (--jobs 2 starts them from 8 files on): the columns reach them.
  for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `copy${String(i).padStart(2, '0')}.txt`), letter);
  const pooled = runCli(['table', '--jobs', '2', '--columns', 'file,service', dir], { cwd: dir });
  const single = runCli(['table', '--jobs', '0', '--columns', 'file,service', dir], { cwd: dir });
  assert.equal(pooled.status, 0, pooled.stderr);
  assert.equal(pooled.stdout, single.stdout);
  const rows = parseCsv(pooled.stdout);
  assert.equal(rows.length, 14);
  assert.deepEqual(rows[0], ['file', 'service']);
  for (const r of rows.slice(1)) assert.deepEqual(r.slice(1), ['Acupuncture 2 sessions']);

  const unknown = runCli(['table', '--columns', 'decision,verdict', file], { cwd: dir });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--columns: no column 'verdict' \(the columns: file, .*, rationale\)/);
  assert.equal(runCli(['table', '--columns', 'decision,,line', file], { cwd: dir }).status, 2);
  assert.equal(runCli(['lint', '--columns', 'decision', file], { cwd: dir }).status, 2);
  assert.ok(allColumns.includes('rationale') && !tableColumns.includes('rationale'));
});

test('table: the services that go with a surgery name its item, what ties them and its decision', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'surgery.txt');
  const depends = 'As the requested surgical intervention is not medically necessary, the requested ancillary service is not medically necessary.';
  writeFileSync(
    file,
    itemsLetter([
      ['Norco 10/325mg #60', 'Upheld', 'The request is not medically necessary.'],
      ['Right shoulder arthroscopy with rotator cuff repair', 'Upheld', 'As such, the requested surgical intervention is not medically necessary.'],
      ['Associated surgical service: Cold therapy unit', 'Upheld', depends],
      ['Labs to include: EKG', 'Upheld', depends],
      ['Post-op physical therapy x 12', 'Upheld', 'The request is not medically necessary.'],
    ]),
  );
  const r = runCli(['table', '--format', 'json', '--columns', 'item_index,service,surgery_item,surgery_basis,surgery_decision', file], { cwd: dir });
  const kinds = runCli(['table', '--format', 'json', '--columns', 'service_kind', file], { cwd: dir });
  assert.deepEqual(
    (JSON.parse(kinds.stdout) as Record<string, unknown>[]).map((row) => row.service_kind),
    ['acetaminophen hydrocodone', 'arthroscopy cuff repair rotator shoulder', 'cold therapy unit', 'ekg include lab', 'op physical post therapy'],
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as Record<string, unknown>[]).map((row) => Object.values(row)),
    [
      [0, 'Norco 10/325mg #60', null, null, null],
      [1, 'Right shoulder arthroscopy with rotator cuff repair', null, null, null],
      [2, 'Cold therapy unit', 1, 'associated', 'Upheld'],
      [3, 'Labs to include: EKG', 1, 'rationale', 'Upheld'],
      [4, 'Post-op physical therapy x 12', 1, 'post-operative', 'Upheld'],
    ],
  );
});

test("table: the column checks names the rules that fire on each item, with lint's severities, in the main thread and on workers", (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'checks.txt');
  writeFileSync(
    file,
    itemsLetter([
      ['MRI of the cervical spine', 'Upheld', 'The patient complained of continued pain of the lumbar spine. The request is not medically necessary.'],
      ['Norco 10/325mg #60', 'Overturned', 'The request is not medically necessary.'],
      ['Acupuncture x 6', 'Upheld', 'The request is not medically necessary.'],
    ]),
  );
  const checks = (...args: string[]) => {
    const r = runCli(['table', '--format', 'json', '--columns', 'item_index,checks', ...args, file], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as Record<string, unknown>[]).map((row) => row.checks);
  };
  // The letter lacks its other sections: missing-section is the letter's, in no item's column.
  assert.deepEqual(checks(), ['body-part-mismatch', 'decision-rationale-conflict', null]);
  assert.deepEqual(checks('--jobs', '1'), ['body-part-mismatch', 'decision-rationale-conflict', null]);
  assert.deepEqual(checks('--rule', 'body-part-mismatch=off'), [null, 'decision-rationale-conflict', null]);
  writeFileSync(path.join(dir, '.imr-letters.json'), JSON.stringify({ rules: { 'decision-rationale-conflict': 'off' } }));
  assert.deepEqual(checks(), ['body-part-mismatch', null, null]);
  // What lint says of the same letter, item by item.
  const lint = runCli(['lint', '--format', 'json', file], { cwd: dir });
  const codes = (JSON.parse(lint.stdout) as { diagnostics: { code: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.code));
  assert.deepEqual(codes.filter((c) => c !== 'missing-section').sort(), ['body-part-mismatch']);
});

test('table --bom starts the CSV with a UTF-8 byte-order mark (for Excel), and is refused for JSON and other commands', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'letter.txt');
  copyFileSync(seedFiles()[0], file);
  const plain = runCli(['table', file]);
  const bom = runCli(['table', '--bom', file]);
  assert.equal(bom.status, 0, bom.stderr);
  assert.equal(bom.stdout, `\ufeff${plain.stdout}`);
  assert.ok(!plain.stdout.startsWith('\ufeff'), 'not the default');
  for (const args of [['table', '--bom', '--format', 'json', file], ['lint', '--bom', file]]) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /--bom applies to/);
  }
});
