// End-to-end tests of dist/cli.js: usage, parse, lint exit codes and formats, config, rules.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseLetter } from '../../core';
import { allRules } from '../../core/rules';
import type { BreakdownId } from '../../core/summary/folderStats';
import { repoRoot } from '../support/env';
import { expectedDiagnostics, roundTrip, runCli, seedFiles, tempDir, withoutRationale } from './support';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

test('--help and --version exit 0; usage errors exit 2 with one hint', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: imr-letters/);
  assert.match(help.stdout, /Exit status/);
  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), pkg.version);
  for (const argv of [[], ['lint'], ['lint', '.', '--colour'], ['nope'], ['table', '.', '--format', 'sarif']]) {
    const r = runCli(argv);
    assert.equal(r.status, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^imr-letters: .+\nRun 'imr-letters --help' for usage\.\n$/);
  }
});

test('--help and docs/cli.md name every breakdown the summary writes', () => {
  // A word for each breakdown; Record<BreakdownId, ...> makes a new breakdown fail to compile until it has one.
  const words: Record<BreakdownId, RegExp> = {
    guideline: /reviewer's guideline|by guideline/,
    section: /section/,
    grounds: /grounds/,
    claims: /claims administrator's guideline/,
    specialty: /specialty/,
    year: /year/,
    turnaround: /days/,
    service: /service/,
    surgery: /surgery/,
    checks: /checks/,
  };
  const help = runCli(['--help']).stdout;
  const helpSummary = help.slice(help.indexOf('  summary PATH...'), help.indexOf('  rules '));
  const docs = readFileSync(path.join(repoRoot, 'docs', 'cli.md'), 'utf8');
  const docsExample = docs.split('\n').find((l) => l.startsWith('imr-letters summary letters/ > summary.md')) ?? '';
  for (const [id, word] of Object.entries(words)) {
    assert.match(helpSummary.replace(/\s+/g, ' '), word, `--help: ${id}`);
    assert.match(docsExample, word, `docs/cli.md: ${id}`);
  }
});

test('an option of another command is refused as such, whatever its value', () => {
  const r = runCli(['lint', seedFiles()[0], '--columns', 'x']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^imr-letters: --columns applies to table only\n/);
});

test('--rule names must be known rules', () => {
  for (const id of ['no-such-rule', '__proto__', 'constructor', 'toString']) {
    const r = runCli(['lint', seedFiles()[0], '--rule', `${id}=off`]);
    assert.equal(r.status, 2, id);
    assert.match(r.stderr, new RegExp(`unknown rule '${id}'`));
  }
});

test('parse prints the letter model as JSON, the same as parseLetter, plus the file', () => {
  for (const file of seedFiles()) {
    const r = runCli(['parse', file]);
    assert.equal(r.status, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as Record<string, unknown> & { items: { decision?: string; range: unknown }[] };
    assert.equal(printed.file, file);
    const model = parseLetter(readFileSync(file, 'utf8'));
    assert.deepEqual(printed, roundTrip({ file, ...model }));
    assert.ok(printed.items.length > 0, `${file}: items`);
    for (const item of printed.items) {
      assert.ok(item.decision === 'Upheld' || item.decision === 'Overturned');
      assert.ok(item.range);
    }
  }
});

test('lint on the seeds: JSON equals the in-process linter, text has one line per diagnostic, exit code follows errors', () => {
  const files = seedFiles();
  const json = runCli(['lint', '--format', 'json', ...files]);
  const entries = JSON.parse(json.stdout) as { file: string; diagnostics: Diagnostic[] }[];
  assert.deepEqual(
    entries.map((e) => e.file),
    files,
  );
  let total = 0;
  let errors = 0;
  for (const e of entries) {
    const expected = expectedDiagnostics(e.file);
    assert.deepEqual(e.diagnostics, expected, e.file);
    total += expected.length;
    errors += expected.filter((d) => d.severity === 1).length;
  }
  assert.equal(json.status, errors > 0 ? 1 : 0);

  const text = runCli(['lint', ...files]);
  assert.equal(text.status, json.status);
  const lines = text.stdout.trimEnd().split('\n');
  assert.equal(lines.length, total + 1, 'one line per diagnostic plus the summary');
  for (const line of lines.slice(0, -1)) {
    assert.match(line, /^.+\.txt:\d+:\d+ (error|warning|information|hint) .+ \[[a-z-]+\]$/);
  }
  assert.match(lines.at(-1) ?? '', total === 0 ? /^No problems in 5 letters\.$/ : /^\d+ problems? \(.*\) in 5 letters\.$/);
});

test('a letter whose last rationale was removed fails lint with missing-rationale (exit 1), in every format', (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir);
  const expected = expectedDiagnostics(file);
  assert.ok(expected.some((d) => d.code === 'missing-rationale' && d.severity === 1), 'the in-process linter sees it');

  const text = runCli(['lint', file]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /:\d+:\d+ error .*\[missing-rationale\]/);
  const json = runCli(['lint', file, '--format', 'json']);
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), [{ file, diagnostics: expected }]);

  const off = runCli(['lint', file, '--format', 'json', '--rule', 'missing-rationale=off']);
  const offDiagnostics = (JSON.parse(off.stdout) as { diagnostics: Diagnostic[] }[])[0].diagnostics;
  assert.ok(!offDiagnostics.some((d) => d.code === 'missing-rationale'));
  assert.equal(off.status, offDiagnostics.some((d) => d.severity === 1) ? 1 : 0);
});

test('--format github writes one annotation per diagnostic, escaped, then the closing line of the text format', (t) => {
  const dir = tempDir(t);
  // A name with the characters that end a workflow command's property.
  const file = path.join(dir, 'a,b:c%.txt');
  writeFileSync(file, readFileSync(path.join(repoRoot, 'samples', 'malformed-conflict.txt'), 'utf8'));
  const expected = expectedDiagnostics(file);
  assert.ok(expected.length >= 1);
  const r = runCli(['lint', '--format', 'github', file]);
  const json = runCli(['lint', '--format', 'json', file]);
  assert.equal(r.status, json.status);
  const lines = r.stdout.trimEnd().split('\n');
  const level = (d: Diagnostic) => (d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'notice');
  const escapedFile = file.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const sorted = [...expected].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  assert.deepEqual(
    lines.slice(0, -1),
    sorted.map(
      (d) =>
        `::${level(d)} file=${escapedFile},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=imr-letters ${String(d.code)}::${(d.message as string).replace(/%/g, '%25')}`,
    ),
  );
  assert.equal(lines.at(-1), runCli(['lint', file]).stdout.trimEnd().split('\n').at(-1));
  // Run from the folder (a workflow runs from the repository's root), the absolute path becomes the relative one,
  // as SARIF's.
  const fromDir = runCli(['lint', '--format', 'github', file], { cwd: dir });
  assert.equal(fromDir.stdout.split('\n')[0], lines[0].replace(`file=${escapedFile},`, 'file=a%2Cb%3Ac%25.txt,'));
});

test('--max-warnings N: more warnings than N exit with 1, and say so; N or fewer, 0', () => {
  const corpusLike = seedFiles();
  const json = JSON.parse(runCli(['lint', '--format', 'json', ...corpusLike]).stdout) as { diagnostics: Diagnostic[] }[];
  const warnings = json.flatMap((l) => l.diagnostics).filter((d) => d.severity === 2).length;
  const errors = json.flatMap((l) => l.diagnostics).filter((d) => d.severity === 1).length;
  assert.equal(errors, 0, 'the seeds have no error');
  assert.ok(warnings >= 1, 'the seeds have warnings');
  const at = runCli(['lint', '--max-warnings', String(warnings), ...corpusLike]);
  assert.equal(at.status, 0, at.stderr);
  const below = runCli(['lint', `--max-warnings=${warnings - 1}`, ...corpusLike]);
  assert.equal(below.status, 1);
  assert.match(below.stderr, new RegExp(`^imr-letters: ${warnings} warnings?, more than --max-warnings ${warnings - 1}$`, 'm'));
  assert.equal(below.stdout, at.stdout, 'the same output');
  for (const bad of [['lint', '--max-warnings', '-1', corpusLike[0]], ['lint', '--max-warnings', 'x', corpusLike[0]], ['table', '--max-warnings', '0', corpusLike[0]]]) {
    assert.equal(runCli(bad).status, 2, bad.join(' '));
  }
});

test('.imr-letters.json beside the letter sets severities; --rule overrides it; --no-config ignores it', (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir);
  writeFileSync(path.join(dir, '.imr-letters.json'), JSON.stringify({ rules: { 'missing-rationale': 'warning' } }));
  const codes = (r: { stdout: string }) =>
    (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }[])[0].diagnostics.filter((d) => d.code === 'missing-rationale').map((d) => d.severity);

  const configured = runCli(['lint', dir, '--format', 'json']);
  assert.deepEqual(codes(configured), [2], 'warning from the config file');
  const expected = expectedDiagnostics(file, { rules: { 'missing-rationale': 'warning' } });
  assert.equal(configured.status, expected.some((d) => d.severity === 1) ? 1 : 0);

  assert.deepEqual(codes(runCli(['lint', dir, '--format', 'json', '--rule', 'missing-rationale=hint'])), [4]);
  assert.deepEqual(codes(runCli(['lint', dir, '--format', 'json', '--no-config'])), [1]);

  writeFileSync(path.join(dir, '.imr-letters.json'), '{"rules": []}');
  const broken = runCli(['lint', dir]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /\.imr-letters\.json: "rules" must be an object/);
});

function sarifSchema(): object {
  // The official 2.1.0 schema, as shipped by @microsoft/jest-sarif. It is draft-04; Ajv 8 reads it once
  // its draft-04 "id" is renamed "$id" (it uses no other keyword that changed meaning).
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const { $schema, id, ...rest } = schema;
  void $schema;
  return { $id: id, ...rest };
}

test('--format sarif validates against the SARIF 2.1.0 schema and carries every diagnostic', (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir);
  const files = [...seedFiles(), file];
  const r = runCli(['lint', '--format', 'sarif', ...files], { cwd: repoRoot });
  const log = JSON.parse(r.stdout) as {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
      results: {
        ruleId: string;
        ruleIndex?: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      }[];
    }[];
  };
  // unicodeRegExp: false, because the schema's language-tag pattern has a stray ']' that /u refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema());
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.ok(!validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal', message: {} }] }] }), 'the schema has teeth');

  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'imr-letters');
  assert.deepEqual(
    run.tool.driver.rules.map((x) => x.id),
    allRules.map((x) => x.id),
  );
  const expected = files.flatMap((f) => expectedDiagnostics(f).map((d) => ({ f, d })));
  assert.equal(run.results.length, expected.length);
  const levels: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };
  run.results.forEach((res, i) => {
    const { f, d } = expected[i];
    assert.equal(res.ruleId, d.code);
    assert.equal(run.tool.driver.rules[res.ruleIndex ?? -1]?.id, res.ruleId);
    assert.equal(res.level, levels[d.severity ?? 1]);
    const loc = res.locations[0].physicalLocation;
    const rel = path.relative(repoRoot, f);
    assert.equal(loc.artifactLocation.uri, rel.startsWith('..') ? pathToFileURL(f).href : rel.split(path.sep).map(encodeURIComponent).join('/'));
    assert.deepEqual(loc.region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
  });
  assert.equal(r.status, 1, 'the letter without a rationale has an error');
});

test('the places a diagnostic involves: indented under it in text, relatedInformation in JSON, relatedLocations in SARIF', () => {
  const file = path.join(repoRoot, 'samples', 'malformed-conflict.txt');
  const text = readFileSync(file, 'utf8');
  const conclusion = parseLetter(text).items[0].conclusionRange!;
  const message = 'The rationale concludes the request is not medically necessary.';
  const rel = path.join('samples', 'malformed-conflict.txt');
  const lines = runCli(['lint', rel], { cwd: repoRoot }).stdout.split('\n');
  const at = lines.findIndex((l) => l.includes('[decision-rationale-conflict]'));
  assert.ok(at >= 0);
  assert.equal(lines[at + 1], `  ${rel}:${conclusion.start.line + 1}:${conclusion.start.character + 1} ${message}`);
  const json = JSON.parse(runCli(['lint', '--format', 'json', file]).stdout) as { diagnostics: Diagnostic[] }[];
  assert.deepEqual(json[0].diagnostics[0].relatedInformation, [{ location: { uri: pathToFileURL(file).href, range: conclusion }, message }]);
  const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', rel], { cwd: repoRoot }).stdout) as {
    runs: { results: { relatedLocations?: unknown[] }[] }[];
  };
  assert.deepEqual(sarif.runs[0].results[0].relatedLocations, [
    {
      id: 0,
      physicalLocation: {
        artifactLocation: { uri: 'samples/malformed-conflict.txt', uriBaseId: '%SRCROOT%' },
        region: { startLine: conclusion.start.line + 1, startColumn: conclusion.start.character + 1, endLine: conclusion.end.line + 1, endColumn: conclusion.end.character + 1 },
      },
      message: { text: message },
    },
  ]);
  // Valid SARIF with them.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema());
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('rules lists every rule with its default severity', () => {
  const r = runCli(['rules', '--format', 'json']);
  assert.equal(r.status, 0);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { id: string; defaultSeverity: string }[]).map((x) => [x.id, x.defaultSeverity]),
    allRules.map((x) => [x.id, x.defaultSeverity]),
  );
  const text = runCli(['rules']);
  assert.equal(text.stdout.trimEnd().split('\n').length, allRules.length);
});
