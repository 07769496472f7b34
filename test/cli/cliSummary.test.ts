// imr-letters summary: the folder summary's counts on the command line, the same as the extension's panel shows for
// the same letters (core/summary/), as Markdown and JSON, on worker threads as in the main thread.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { folderLetterOf, parseLetter } from '../../core';
import { folderRows, summarizeFolder } from '../../core/summary/folderRows';
import { breakdownIds, breakdowns, breakdownTitles } from '../../core/summary/folderStats';
import { summaryMarkdown, summaryReport } from '../../cli/formats/summaryReport';
import type { SummaryReport } from '../../cli/formats/summaryReport';
import { lettersDir, pdfDir, repoRoot, skipUnless } from '../support/env';
import { letterPages, writePdf } from '../support/minimalPdf';
import { runCli, seedFiles, tempDir } from './support';

function folderOfLetters(dir: string): string[] {
  const files = [...seedFiles(), ...['malformed-conflict.txt', 'malformed-unknown-decision.txt', 'malformed-associated-service.txt'].map((f) => path.join(repoRoot, 'samples', f))];
  return files.map((f) => {
    const to = path.join(dir, path.basename(f));
    copyFileSync(f, to);
    return to;
  });
}

test('summary --format json counts what the extension\'s folder summary counts for the same letters', (t) => {
  const dir = tempDir(t);
  const files = folderOfLetters(dir);
  // What the panel would show: the server's FolderLetter of each, summarised by core/summary/ as the client does.
  const rows = folderRows(summarizeFolder(files.map((f) => ({ uri: pathToFileURL(f).href, letter: folderLetterOf(parseLetter(readFileSync(f, 'utf8'))) }))));
  const models = files.map((f) => parseLetter(readFileSync(f, 'utf8')));
  for (const jobs of ['0', '2']) {
    const r = runCli(['summary', '--format', 'json', '--jobs', jobs, dir]);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as SummaryReport;
    assert.equal(report.letters, files.length);
    assert.equal(report.items, models.reduce((n, m) => n + m.items.length, 0));
    assert.equal(report.upheld, models.reduce((n, m) => n + m.items.filter((i) => i.decision === 'Upheld').length, 0));
    assert.equal(report.overturned, models.reduce((n, m) => n + m.items.filter((i) => i.decision === 'Overturned').length, 0));
    // The sample with a misspelt decision counts as neither.
    assert.ok(report.undecided >= 1);
    assert.equal(report.upheld + report.overturned + report.undecided, report.items);
    assert.deepEqual(
      report.breakdowns,
      breakdowns(rows).map((b) => ({ id: b.id, title: breakdownTitles[b.id], groups: b.groups.map(({ label, items, upheld, overturned }) => ({ label, items, upheld, overturned })), hidden: b.hidden })),
    );
    // The sample's clearance and cold therapy unit go with its surgery, on workers as in the main thread.
    assert.deepEqual(
      report.breakdowns.find((b) => b.id === 'surgery')?.groups.find((g) => g.label === 'Goes with a surgery'),
      { label: 'Goes with a surgery', items: 2, upheld: 1, overturned: 1 },
    );
    // An item counts once in each breakdown, but in each section it was decided on.
    for (const b of report.breakdowns) if (b.id !== 'section') assert.equal(b.groups.reduce((n, g) => n + g.items, 0) <= report.items, true, b.id);
  }
});

test('summary JSON has every breakdown, in one order, whatever the letters; Markdown leaves out the ones that say nothing', (t) => {
  const dir = tempDir(t);
  for (const f of seedFiles()) copyFileSync(f, path.join(dir, path.basename(f)));
  const seeds = JSON.parse(runCli(['summary', '--format', 'json', dir]).stdout) as SummaryReport;
  assert.deepEqual(seeds.breakdowns.map((b) => b.id), [...breakdownIds]);
  // No letter at all (a folder of letters without items gives the same rows): every breakdown, with no group.
  const empty = summaryReport(0, []);
  assert.deepEqual(empty.breakdowns.map((b) => [b.id, b.groups.length]), breakdownIds.map((id) => [id, 0]));
  const md = summaryMarkdown(empty);
  assert.ok(!md.includes(`## ${breakdownTitles.surgery}`) && !md.includes(`## ${breakdownTitles.turnaround}`), md);
  assert.ok(md.includes(`## ${breakdownTitles.service}\n`), md);
});

test('summary writes Markdown by default: the totals, then a table for each breakdown', (t) => {
  const dir = tempDir(t);
  folderOfLetters(dir);
  const json = JSON.parse(runCli(['summary', '--format', 'json', dir]).stdout) as SummaryReport;
  const r = runCli(['summary', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, summaryMarkdown(json));
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], `# Decisions in ${json.letters} letters`);
  assert.match(lines[2], new RegExp(`^${json.items} disputed items: ${json.upheld} upheld, ${json.overturned} overturned, ${json.undecided} with no decision \\(\\d+% overturned\\)\\.$`));
  for (const title of Object.values(breakdownTitles)) assert.ok(lines.includes(`## ${title}`), title);
  const mtus = json.breakdowns[0].groups.find((g) => g.label === 'MTUS');
  assert.ok(mtus, 'a group of items decided on the MTUS');
  const share = mtus.upheld + mtus.overturned === 0 ? '' : `${Math.round((100 * mtus.overturned) / (mtus.upheld + mtus.overturned))}%`;
  assert.ok(lines.includes(`| MTUS | ${mtus.items} | ${mtus.upheld} | ${mtus.overturned} | ${share} |`));
});

test('a letter\'s words cannot break the Markdown tables', () => {
  const report: SummaryReport = {
    letters: 1,
    items: 1,
    upheld: 1,
    overturned: 0,
    undecided: 0,
    breakdowns: [{ id: 'service', title: 'Service', groups: [{ label: 'MRI | x-ray\nof the \\ spine', items: 1, upheld: 1, overturned: 0 }], hidden: 3 }],
    copies: [{ file: 'a|b.txt', of: 'a.pdf' }],
  };
  const md = summaryMarkdown(report);
  assert.ok(md.includes('| MRI \\| x-ray of the \\\\ spine | 1 | 1 | 0 | 0% |'), md);
  assert.ok(md.includes('And 3 more groups (every item: `imr-letters table`).'));
  // Emphasis, HTML and links in a title show as the title's characters.
  const marked = summaryMarkdown({ ...report, breakdowns: [{ id: 'service', title: 'Service', groups: [{ label: 'Norco 10/325 *90* _left_ <b>knee</b> [x](http://e.x)', items: 1, upheld: 1, overturned: 0 }], hidden: 0 }] });
  assert.ok(marked.includes('| Norco 10/325 \\*90\\* \\_left\\_ \\<b\\>knee\\</b\\> \\[x\\](http://e.x) | 1 |'), marked);
  assert.ok(md.includes('One file is a copy of another letter, counted once: a\\|b.txt (a copy of a.pdf).'), md);
  assert.ok(md.startsWith('# Decisions in 1 letter\n\n1 disputed item: 1 upheld, 0 overturned (0% overturned).\n'));
});

test('summary reads PDFs too, reports files it cannot read, and refuses what it cannot write', (t) => {
  const dir = tempDir(t);
  const seed = readFileSync(seedFiles()[0], 'utf8');
  writeFileSync(path.join(dir, 'letter.pdf'), writePdf(letterPages(seed)));
  writeFileSync(path.join(dir, 'letter.txt'), seed);
  writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.4\n1 0 obj <<');
  const r = runCli(['summary', '--format', 'json', dir]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `imr-letters: ${path.join(dir, 'broken.pdf')}: not a readable PDF (damaged or incomplete)\n`);
  const report = JSON.parse(r.stdout) as SummaryReport;
  // The PDF and its text are one letter: counted once.
  assert.equal(report.letters, 1);
  assert.equal(report.items, parseLetter(seed).items.length);
  // The text counted, the PDF named as its copy.
  assert.deepEqual(report.copies, [{ file: path.join(dir, 'letter.pdf'), of: path.join(dir, 'letter.txt') }]);
  for (const args of [['summary'], ['summary', '--format', 'csv', dir], ['summary', '--max-warnings', '0', dir]]) {
    const bad = runCli(args);
    assert.equal(bad.status, 2, args.join(' '));
    assert.match(bad.stderr, /^imr-letters: /);
  }
});

test('a letter in a folder twice (its PDF and its text, a second download) counts once, and the copies are named', (t) => {
  const dir = tempDir(t);
  const [seed] = seedFiles();
  const text = readFileSync(seed, 'utf8');
  writeFileSync(path.join(dir, 'a-letter.pdf'), writePdf(letterPages(text)));
  writeFileSync(path.join(dir, 'a-letter.txt'), text);
  writeFileSync(path.join(dir, 'b-download.txt'), text.replace(/\n/g, '\r\n'));
  // The same letter with another decision is another letter.
  const other = text.replace(/:\s+Upheld/, ': Overturned');
  assert.notEqual(other, text);
  writeFileSync(path.join(dir, 'c-other.txt'), other);
  const items = parseLetter(text).items.length;
  for (const jobs of ['0', '2']) {
    const r = runCli(['summary', '--format', 'json', '--jobs', jobs, dir]);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as SummaryReport;
    assert.equal(report.letters, 2);
    assert.equal(report.items, 2 * items);
    // The text is counted rather than its PDF, met first, as in the editor's folder summary.
    assert.deepEqual(report.copies, [
      { file: path.join(dir, 'a-letter.pdf'), of: path.join(dir, 'a-letter.txt') },
      { file: path.join(dir, 'b-download.txt'), of: path.join(dir, 'a-letter.txt') },
    ]);
  }
  const md = runCli(['summary', dir]).stdout;
  assert.match(md, /^# Decisions in 2 letters$/m);
  assert.match(md, /^2 files are copies of other letters, counted once: .*a-letter\.pdf \(a copy of .*a-letter\.txt\), .*b-download\.txt/m);
});

test('the corpus PDFs are copies of corpus letters: over both folders, each letter counts once', { skip: skipUnless(existsSync(pdfDir), `no corpus PDFs at ${pdfDir} (set IMR_CORPUS)`) }, () => {
  const r = runCli(['summary', '--format', 'json', lettersDir, pdfDir]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as SummaryReport;
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
  assert.equal(report.letters, readdirSync(lettersDir).filter((f) => f.endsWith('.txt')).length);
  assert.deepEqual(
    report.copies.map((c) => [path.basename(c.file), path.basename(c.of)]),
    pdfs.map((f) => [f, f.replace(/\.pdf$/, '.txt')]),
  );
});

test("the summary's specialty groups are labelled as the table's reviewer_specialty column writes them", { skip: skipUnless(existsSync(lettersDir), `no corpus at ${lettersDir} (set IMR_CORPUS)`) }, () => {
  const report = JSON.parse(runCli(['summary', '--format', 'json', lettersDir]).stdout) as SummaryReport;
  const table = JSON.parse(runCli(['table', '--format', 'json', '--columns', 'reviewer_specialty', lettersDir]).stdout) as { reviewer_specialty: string | null }[];
  const fromTable = new Set(table.map((r) => r.reviewer_specialty ?? 'Not stated'));
  const labels = report.breakdowns.find((b) => b.id === 'specialty')!.groups.map((g) => g.label);
  assert.ok(labels.some((l) => l.includes('; ')), 'a letter with two specialties, at least');
  assert.deepEqual(labels.filter((l) => !fromTable.has(l)), []);
});

test('summary counts the items by the rules that find a problem in them, leaving out those the configuration or --rule turns off', (t) => {
  const dir = tempDir(t);
  for (const f of ['malformed-conflict.txt', 'malformed-associated-service.txt', 'malformed-missing-rationale.txt']) copyFileSync(path.join(repoRoot, 'samples', f), path.join(dir, f));
  const checks = (...args: string[]) => {
    const r = runCli(['summary', '--format', 'json', ...args, dir]);
    assert.equal(r.status, 0, r.stderr);
    const b = (JSON.parse(r.stdout) as SummaryReport).breakdowns.find((x) => x.id === 'checks')!;
    assert.equal(b.title, 'Problems the checks find');
    return b.groups.map((g) => [g.label, g.items]);
  };
  assert.deepEqual(checks(), [
    ['No problem found', 2],
    ['associated-service-conflict', 1],
    ['decision-rationale-conflict', 1],
    ['missing-rationale', 1],
  ]);
  assert.deepEqual(checks('--rule', 'missing-rationale=off'), [
    ['No problem found', 3],
    ['associated-service-conflict', 1],
    ['decision-rationale-conflict', 1],
  ]);
  writeFileSync(path.join(dir, '.imr-letters.json'), JSON.stringify({ rules: { 'decision-rationale-conflict': 'off' } }));
  assert.deepEqual(checks(), [
    ['No problem found', 3],
    ['associated-service-conflict', 1],
    ['missing-rationale', 1],
  ]);
});
