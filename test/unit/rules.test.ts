// Tests of the lint rules: mutants of real letters that must trigger each rule, real letters that must not.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { lintLetter, type LintOptions } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { allRules } from '../../core/rules/index';
import { suggestDecisions } from '../../core/rules/unknownDecision';
import { bodyRegionMentions, bodyRegionsIn, sidedRegionMentions } from '../../core/text/bodyRegions';
import { LineIndex } from '../../core/text/lines';
import { corpusLetters, corpusSkip, lettersDir, repoRoot } from '../support/env';
import { textAt } from '../support/text';
import {
  dropParagraph,
  readCorpusLetter,
  readSample,
  readSeed,
  replaceOnce,
  seedFiles,
} from '../lsp/mutants';

function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintLetter(parseLetter(text), { text, ...options });
}

function codes(text: string, options: LintOptions = {}): string[] {
  return lint(text, options).map((d) => String(d.code));
}

function only(text: string, rule: string): Diagnostic[] {
  return lint(text).filter((d) => d.code === rule);
}

function message(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

const seed = readSeed();
const seedTitle = '12 Physical Therapy Treatments for The Lumbar Spine';

describe('the real letters', () => {
  test('no rule fires on the seeds, except citation-page-mismatch on seed 004 (Chapter 5 cited with the neck chapter\'s pages)', () => {
    for (const f of seedFiles) assert.deepEqual(codes(readSeed(f)), f.startsWith('004_') ? ['citation-page-mismatch'] : [], f);
  });

  test('the 2013 notice template, which has no labelled guideline paragraphs, is not held to them', () => {
    const text = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'templates', 'notice-2013.txt'), 'utf8');
    const model = parseLetter(text);
    assert.equal(model.template, 'notice-2013');
    assert.ok(model.items.length >= 1);
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['unrecognised-text'], 'only the note that it is read in part');
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
  });

  test('no error-level rule fires on any corpus letter', { skip: corpusSkip }, () => {
    const letters = corpusLetters();
    assert.ok(letters.length >= 100, 'the corpus has its letters');
    const errors: string[] = [];
    for (const f of letters) {
      for (const d of lint(readCorpusLetter(f))) {
        if (d.severity === DiagnosticSeverity.Error) errors.push(`${f}:${d.range.start.line + 1} ${d.code} ${message(d)}`);
      }
    }
    assert.deepEqual(errors, []);
  });

  test('the only warnings on the corpus are real uncited decisions, four dates of injury that disagree and a side swapped, and the only information the 2009 Chronic Pain guideline cited after 2016', { skip: corpusSkip }, () => {
    let superseded = 0;
    const mismatches: string[] = [];
    const sides: string[] = [];
    for (const f of corpusLetters()) {
      const text = readCorpusLetter(f);
      for (const d of lint(text, { uri: 'file:///corpus.txt' })) {
        if (d.code === 'superseded-guideline') {
          superseded++;
          assert.equal(d.severity, DiagnosticSeverity.Information);
          assert.match(textAt(text, d.range), /Chronic Pain Medical Treatment\s+2009/);
          continue;
        }
        if (d.code === 'date-of-injury-mismatch') {
          mismatches.push(`${f.slice(0, 3)} ${textAt(text, d.range)} / ${textAt(text, d.relatedInformation![0].location.range)}`);
          continue;
        }
        if (d.code === 'laterality-mismatch') {
          sides.push(`${f.slice(0, 3)} ${textAt(text, d.range)}`);
          continue;
        }
        assert.equal(d.code, 'uncited-decision', `${f}:${d.range.start.line + 1} ${message(d)}`);
        assert.match(textAt(text, d.range), /did not cite any medical evidence/);
      }
    }
    assert.equal(superseded, 6, 'five claims administrators and one reviewer cite the 2009 edition in 2016-2017 letters');
    // Four letters whose summary gives another date of injury than their header (read by hand: each is so).
    assert.deepEqual(mismatches, ['001 October 10, 2015 / 10/10/2016', '013 10-18-2016 / 10/10/2016', '032 11/05/2016 / 11/15/2016', '065 10/18/2016 / 10/26/2016']);
    // Read by hand: therapy for the left hand (a fracture of the left fourth metacarpal, says the summary), upheld on an
    // operation "of the right ankle, right femur, and right fingers".
    assert.deepEqual(sides, ['108 right fingers']);
  });
});

describe('every diagnostic', () => {
  test('carries the rule id, source imr, its doc link and a severity', () => {
    const ds = lint(readSample('malformed-unknown-decision.txt'));
    assert.ok(ds.length > 0);
    for (const d of ds) {
      const rule = allRules.find((r) => r.id === d.code);
      assert.ok(rule, `${d.code} is a rule`);
      assert.equal(d.source, 'imr');
      assert.equal(d.codeDescription?.href, `https://github.com/imr-letters/imr-letters/blob/main/docs/rules/${rule.id}.md`);
      assert.equal(d.severity, DiagnosticSeverity.Error);
    }
  });

  test('severities follow the configuration; off silences a rule; invalid values keep the default', () => {
    const text = readSample('malformed-unknown-decision.txt');
    assert.equal(lint(text, { rules: { 'unknown-decision': 'hint' } })[0].severity, DiagnosticSeverity.Hint);
    assert.equal(lint(text, { rules: { 'unknown-decision': 'information' } })[0].severity, DiagnosticSeverity.Information);
    assert.equal(lint(text, { rules: { 'unknown-decision': 'warning' } })[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(lint(text, { rules: { 'unknown-decision': 'off' } }), []);
    const bogus = { 'unknown-decision': 'loud' } as unknown as LintOptions['rules'];
    assert.equal(lint(text, { rules: bogus })[0].severity, DiagnosticSeverity.Error);
  });

  test('rule ids are unique and every rule has its doc page with the three sections', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of allRules) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
      assert.ok(r.docsUrl.endsWith(`/docs/rules/${r.id}.md`), r.id);
      const doc = path.join(repoRoot, 'docs', 'rules', `${r.id}.md`);
      assert.ok(existsSync(doc), `${doc} exists`);
      const md = readFileSync(doc, 'utf8');
      for (const h of ['What it catches', 'Example', 'How to fix']) assert.match(md, new RegExp(`^#+ ${h}`, 'm'), `${r.id}: ${h}`);
    }
  });

  test('docs/rules/README.md lists every rule with its default severity and description', () => {
    const index = readFileSync(path.join(repoRoot, 'docs', 'rules', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((l) => l.startsWith('| [`'));
    assert.equal(rows.length, allRules.length, 'one row per rule, no stale rows');
    for (const r of allRules) {
      const row = `| [\`${r.id}\`](${r.id}.md) | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} |`;
      assert.ok(rows.includes(row), `row for ${r.id}: ${row}`);
    }
  });

  test('a rule that throws costs only its own diagnostics', () => {
    const model = parseLetter(seed);
    // A model no parser would produce (an item without a title) must not take lintLetter down.
    const broken = { ...model, items: [{ ...model.items[0], title: undefined, maximusGuideline: undefined }] };
    const ds = lintLetter(broken as unknown as typeof model);
    assert.ok(Array.isArray(ds));
  });
});

describe('missing-rationale', () => {
  test('fires on an item without a rationale, on its title', () => {
    const text = readSample('malformed-missing-rationale.txt');
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['missing-rationale']);
    assert.equal(textAt(text, ds[0].range), seedTitle);
  });
  test('fires on an empty rationale, on its label', () => {
    const text = dropParagraph(seed, 'Decision rationale:', 0, true);
    const ds = only(text, 'missing-rationale');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), 'Decision rationale:');
  });
  test('does not fire when the rationale is there', () => {
    assert.deepEqual(only(seed, 'missing-rationale'), []);
  });
  test('on an untitled item, fires on its decision word, else on its first label: never on an empty range', () => {
    const paragraphs =
      'Claims Administrator guideline: Decision based on MTUS.\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n';
    for (const [title, expected] of [
      [': Upheld\n', 'Upheld'],
      ['', 'Claims Administrator guideline:'],
    ]) {
      const text = `IMR ISSUES, DECISIONS AND RATIONALES\n\n${title}${paragraphs}`;
      const ds = only(text, 'missing-rationale');
      assert.equal(ds.length, 1, JSON.stringify(title));
      assert.equal(textAt(text, ds[0].range), expected, JSON.stringify(title));
    }
  });
});

describe('missing-guideline', () => {
  test('fires on a decision without the MAXIMUS guideline paragraph', () => {
    const text = readSample('malformed-missing-guideline.txt');
    assert.deepEqual(codes(text), ['missing-guideline']);
  });
  test('fires on an empty MAXIMUS guideline paragraph', () => {
    const text = dropParagraph(seed, 'MAXIMUS guideline:', 0, true);
    const ds = only(text, 'missing-guideline');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), 'MAXIMUS guideline:');
    assert.deepEqual(only(text, 'uncited-decision'), [], 'an empty paragraph is not also "uncited"');
  });
  test('fires on a paragraph holding only the quick fix\'s placeholder (this one, or an earlier one), and uncited-decision does not', () => {
    for (const placeholder of ['[To fill in: the guideline the expert reviewer based the decision on.]', '[The guideline the expert reviewer based the decision on.]']) {
      const text = replaceOnce(readSample('malformed-missing-guideline.txt'), /^Decision rationale:/m, `MAXIMUS guideline: ${placeholder}\n\nDecision rationale:`);
      const ds = lint(text);
      assert.deepEqual(ds.map((d) => d.code), ['missing-guideline'], placeholder);
      assert.equal(textAt(text, ds[0].range), placeholder);
      assert.equal(
        message(ds[0]),
        'The "MAXIMUS guideline:" paragraph of item 1 (12 Physical Therapy Treatments for The Lumbar Spine) holds only a placeholder: replace it with the guideline the decision is based on ("Decision based on MTUS ...").',
      );
    }
  });
  test('does not fire when the paragraph is there', () => {
    for (const f of seedFiles) assert.deepEqual(only(readSeed(f), 'missing-guideline'), [], f);
  });
});

describe('uncited-decision', () => {
  test('fires when the reviewer cites no medical evidence', () => {
    const text = replaceOnce(
      dropParagraph(seed, 'MAXIMUS guideline:', 0, true),
      /^MAXIMUS guideline:/m,
      'MAXIMUS guideline: The expert reviewer did not cite any medical evidence for its decision.',
    );
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['uncited-decision']);
    assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
    assert.match(textAt(text, ds[0].range), /did not cite any medical evidence/);
  });
  test('fires on the real uncited items of the corpus', { skip: corpusSkip }, () => {
    const ds = only(readCorpusLetter('026_CM16-0238035.txt'), 'uncited-decision');
    assert.ok(ds.length >= 1);
  });
  test('does not fire on a paragraph with citations', () => {
    assert.deepEqual(only(seed, 'uncited-decision'), []);
  });
});

describe('missing-claims-administrator-guideline', () => {
  test('fires without the paragraph, as a warning', () => {
    const text = dropParagraph(seed, 'Claims Administrator guideline:');
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['missing-claims-administrator-guideline']);
    assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
  });
  test('fires on an empty one', () => {
    const text = dropParagraph(seed, 'Claims Administrator guideline:', 0, true);
    assert.deepEqual(codes(text), ['missing-claims-administrator-guideline']);
  });
  test('does not fire when the paragraph is there', () => {
    for (const f of seedFiles) assert.deepEqual(only(readSeed(f), 'missing-claims-administrator-guideline'), [], f);
  });
});

describe('unknown-decision', () => {
  for (const [typo, expected] of [
    ['Uphled', 'Upheld'],
    ['Uphold', 'Upheld'],
    ['Overturnd', 'Overturned'],
    ['Overtruned', 'Overturned'],
    ['Denied', 'Upheld'],
    // Misread by OCR.
    ['Uphe1d', 'Upheld'],
    ['UpheId', 'Upheld'],
    ['Overtumed', 'Overturned'],
    ['0verturned', 'Overturned'],
  ] as const) {
    test(`fires on "${typo}" and suggests ${expected}`, () => {
      const text = replaceOnce(seed, 'Lumbar Spine:  Upheld', `Lumbar Spine:  ${typo}`);
      const ds = only(text, 'unknown-decision');
      assert.equal(ds.length, 1, codes(text).join());
      assert.equal(textAt(text, ds[0].range), typo);
      assert.deepEqual((ds[0].data as { suggestions: string[] }).suggestions, [expected]);
    });
  }
  test('a synonym the rationale contradicts ("Approved" under "not medically necessary") offers both words, the rationale\'s first, neither preferred', () => {
    assert.match(seed, /is not medically necessary/);
    const text = replaceOnce(seed, 'Lumbar Spine:  Upheld', 'Lumbar Spine:  Approved');
    const [d, ...others] = only(text, 'unknown-decision');
    assert.deepEqual(others, []);
    assert.equal(textAt(text, d.range), 'Approved');
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['Upheld', 'Overturned']);
    assert.match(message(d), /"Approved" would mean Overturned, but the rationale concludes the request is not medically necessary\.$/);
    assert.deepEqual(suggestDecisions('Approved', 'medically-necessary'), ['Overturned']);
    assert.deepEqual(suggestDecisions('Approved', 'unclear'), ['Overturned']);
    assert.deepEqual(suggestDecisions('Denied', 'medically-necessary'), ['Overturned', 'Upheld']);
    assert.deepEqual(suggestDecisions('Denied', 'not-medically-necessary'), ['Upheld']);
  });
  test('a decision OCR misread is no decision, and the message says what it stands for', () => {
    const text = replaceOnce(seed, 'Lumbar Spine:  Upheld', 'Lumbar Spine:  Uphe1d');
    const [d, ...others] = only(text, 'unknown-decision');
    assert.deepEqual(others, []);
    assert.equal(
      message(d),
      `"Uphe1d" is not a decision: item 1 (${seedTitle}) must be Upheld or Overturned. It reads as "Upheld" misspelt or misread by OCR.`,
    );
    assert.deepEqual(suggestDecisions('0verturned', 'not-medically-necessary'), ['Overturned']);
    assert.deepEqual(suggestDecisions('UPHE|D', 'medically-necessary'), ['Upheld']);
  });
  test('fires on a lower-case decision, to normalise it', () => {
    const text = replaceOnce(seed, 'Lumbar Spine:  Upheld', 'Lumbar Spine:  upheld');
    const ds = only(text, 'unknown-decision');
    assert.equal(ds.length, 1);
    assert.deepEqual((ds[0].data as { suggestions: string[] }).suggestions, ['Upheld']);
  });
  test('an unrelated word falls back on what the rationale concludes', () => {
    assert.deepEqual(suggestDecisions('Pending', 'not-medically-necessary'), ['Upheld', 'Overturned']);
    assert.deepEqual(suggestDecisions('Pending', 'medically-necessary'), ['Overturned', 'Upheld']);
  });
  test('does not fire on Upheld and Overturned', () => {
    assert.deepEqual(only(seed, 'unknown-decision'), []);
    assert.deepEqual(only(readSample('malformed-conflict.txt'), 'unknown-decision'), []);
  });
});

describe('decision-rationale-conflict', () => {
  test('fires on Overturned with a "not medically necessary" rationale, on the decision word', () => {
    const text = readSample('malformed-conflict.txt');
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['decision-rationale-conflict']);
    assert.equal(textAt(text, ds[0].range), 'Overturned');
  });
  test('points at the conclusion it contradicts (related information), given the letter\'s URI', () => {
    const text = readSample('malformed-conflict.txt');
    const [d] = lint(text, { uri: 'file:///letters/conflict.txt' });
    assert.equal(d.relatedInformation?.length, 1);
    const [related] = d.relatedInformation!;
    assert.equal(related.location.uri, 'file:///letters/conflict.txt');
    // The conclusion's sentence, across the letter's blank line.
    assert.equal(textAt(text, related.location.range).replace(/\s+/g, ' '), 'In light of the above issues, the currently requested physical therapy is not medically necessary.');
    assert.equal(related.message, 'The rationale concludes the request is not medically necessary.');
    // The message's line is the related place's.
    assert.match(message(d), new RegExp(`\\(line ${related.location.range.start.line + 1}\\)\\.$`));
    // Without a URI there is nowhere to point: no related information (and a URI given lazily is asked once).
    assert.equal(lint(text)[0].relatedInformation, undefined);
    let asked = 0;
    const lazy = lint(text, { uri: () => (asked++, 'file:///lazy.txt') });
    assert.equal(lazy[0].relatedInformation?.[0].location.uri, 'file:///lazy.txt');
    assert.equal(asked, 1);
    lint(seed, { uri: () => (asked++, 'file:///lazy.txt') });
    assert.equal(asked, 1, 'not asked for a letter without related places');
  });
  test('fires on Upheld with a "medically necessary" rationale', { skip: corpusSkip }, () => {
    const original = readCorpusLetter('005_CM16-0229336.txt');
    const model = parseLetter(original);
    const overturned = model.items.find((i) => i.decision === 'Overturned' && i.conclusion === 'medically-necessary');
    assert.ok(overturned?.decisionText, 'the letter has an Overturned item');
    const lines = original.split('\n');
    const r = overturned.decisionText.range;
    lines[r.start.line] = `${lines[r.start.line].slice(0, r.start.character)}Upheld${lines[r.start.line].slice(r.end.character)}`;
    const ds = only(lines.join('\n'), 'decision-rationale-conflict');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].range.start.line, r.start.line);
  });
  test('names the conclusion\'s own line when the sentence before it ends with a number ("page 607. Therefore", "in 03/2016. The request")', { skip: corpusSkip }, () => {
    const original = readCorpusLetter('001_CM16-0219557.txt');
    const text = replaceOnce(original, 'Therefore, the request was not medically necessary.', 'Therefore, the request is medically necessary.');
    const [d, ...others] = only(text, 'decision-rationale-conflict');
    assert.deepEqual(others, []);
    assert.match(message(d), /\(line 78\)\.$/);
    const item = parseLetter(text).items[0];
    assert.equal(textAt(text, item.conclusionRange!), 'Therefore, the request is medically necessary.');
    const other = readCorpusLetter('041_CM16-0242419.txt');
    const mri = parseLetter(other).items[1];
    assert.equal(textAt(other, mri.conclusionRange!).replace(/\s+/g, ' '), 'The request for MRI of the lumbar spine is not medically necessary.');
  });
  test('reads negations: "not medically necessary" Upheld is no conflict', () => {
    assert.match(seed, /is not medically necessary/);
    assert.deepEqual(only(seed, 'decision-rationale-conflict'), []);
  });
});

describe('missing-section and no-disputed-items', () => {
  test('missing-section fires when the clinical case summary heading is gone', () => {
    const text = replaceOnce(seed, /^CLINICAL CASE SUMMARY\s*$/m, '');
    const ds = only(text, 'missing-section');
    assert.equal(ds.length, 1);
    assert.match(message(ds[0]), /CLINICAL CASE SUMMARY/);
  });
  test('no-disputed-items fires when the issues section holds no item', () => {
    const cut = seed.indexOf('12 Physical Therapy Treatments');
    assert.ok(cut > 0);
    const text = seed.slice(0, cut);
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['no-disputed-items']);
    assert.equal(textAt(text, ds[0].range).trim(), 'IMR ISSUES, DECISIONS AND RATIONALES');
  });
  test('neither fires on a complete letter', () => {
    for (const f of seedFiles) {
      assert.deepEqual(only(readSeed(f), 'missing-section'), [], f);
      assert.deepEqual(only(readSeed(f), 'no-disputed-items'), [], f);
    }
  });
  test('neither fires on a text that is not a letter', () => {
    assert.deepEqual(codes('Shopping list:\neggs\nmilk\n'), []);
    assert.deepEqual(codes(''), []);
  });
});

describe('unrecognised-text', () => {
  test('labelled paragraphs without a title: one information, and no decision problem on a title that is not there', () => {
    const text = replaceOnce(seed, `${seedTitle}:  Upheld`, '');
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['unrecognised-text']);
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
    assert.equal(textAt(text, ds[0].range), 'Claims Administrator guideline:');
  });
  test('quiet on the seeds and on a text that is not a letter', () => {
    for (const f of seedFiles) assert.deepEqual(only(readSeed(f), 'unrecognised-text'), [], f);
    assert.deepEqual(only('just some notes\n', 'unrecognised-text'), []);
  });
});

describe('duplicate-item', () => {
  test('fires on the second of two items with the same service', () => {
    // Single-spaced: in a double-spaced letter a title right after a rationale is hard to tell from it.
    const single = seed.replace(/\n\s*\n/g, '\n');
    const block = single.slice(single.indexOf(seedTitle));
    const text = `${single.trimEnd()}\n${block}`;
    const ds = lint(text);
    assert.deepEqual(ds.map((d) => d.code), ['duplicate-item']);
    assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
    assert.equal(textAt(text, ds[0].range), seedTitle);
    assert.ok(ds[0].range.start.line > single.split('\n').length - 2, 'on the second item');
    // Related: the first item's title.
    const [related] = lint(text, { uri: 'file:///d.txt' })[0].relatedInformation!;
    assert.equal(textAt(text, related.location.range), seedTitle);
    assert.ok(related.location.range.start.line < ds[0].range.start.line);
    assert.equal(related.message, 'Item 1, the same service (Upheld).');
  });
  test('fires on a corpus letter with its item repeated', { skip: corpusSkip }, () => {
    const letter = readCorpusLetter('001_CM16-0219557.txt');
    const text = `${letter.trimEnd()}\n \n${letter.slice(letter.indexOf('Facet joint injections L4-5'))}`;
    assert.equal(only(text, 'duplicate-item').length, 1);
  });
  test('does not fire on different services', { skip: corpusSkip }, () => {
    assert.deepEqual(only(readCorpusLetter('065_CM16-0248698.txt'), 'duplicate-item'), []);
  });
});

describe('date-order', () => {
  const header = (injury: string, assigned: string, decision: string, urDenial: string) =>
    `Case Number: CM16-0219557\nDate Assigned: ${assigned} Date of Injury:  ${injury}\nDecision Date: ${decision} UR Denial Date:  ${urDenial}\n\n`;
  const now = new Date('2024-01-01T00:00:00Z');

  test('is quiet on dates in order', () => {
    // (The seed's clinical summary gives the date of injury as March 18, 2013.)
    assert.deepEqual(codes(header('03/18/2013', '11/18/2014', '12/19/2014', '11/09/2014') + seed, { now }), []);
  });
  test('fires on a retrospective date of service after the UR denial that reviewed it, or after the decision, quoting the letter\'s dates', () => {
    const retro = (dos: string, urDenial: string) =>
      replaceOnce(header('03/18/2013', '11/18/2014', '12/19/2014', urDenial) + seed, seedTitle, `Retrospective ${seedTitle} (DOS ${dos})`);
    const text = retro('11/20/14', '11/09/2014');
    const ds = lint(text, { now, uri: 'file:///d.txt' }).filter((d) => d.code === 'date-order');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), '11/20/14');
    assert.equal(
      message(ds[0]),
      'The date of service of item 1 (11/20/14) is after the UR denial date (11/09/2014), which reviewed it retrospectively: a retrospective request is for a service already given.',
    );
    assert.equal(textAt(text, ds[0].relatedInformation![0].location.range), '11/09/2014');
    // Without a UR denial date, against the decision.
    const noDenial = retro('12/20/14', '11/09/2014').replace(' UR Denial Date:  11/09/2014', '');
    const [d] = lint(noDenial, { now }).filter((x) => x.code === 'date-order');
    assert.equal(message(d), 'The date of service of item 1 (12/20/14) is after the decision date (12/19/2014): a retrospective request is for a service already given.');
    // Before the UR denial (the same day too): in order.
    assert.deepEqual(only(retro('11/09/14', '11/09/2014'), 'date-order'), []);
    assert.deepEqual(only(retro('10/02/14', '11/09/2014'), 'date-order'), []);
  });
  test('fires on an injury after the UR denial', () => {
    const text = header('12/10/2014', '11/18/2014', '12/19/2014', '11/09/2014') + seed;
    // The seed's summary says March 18, 2013: that date of injury disagrees too.
    const ds = lint(text, { now }).filter((d) => d.code !== 'date-of-injury-mismatch');
    assert.deepEqual(lint(text, { now }).map((d) => d.code).sort(), ['date-of-injury-mismatch', 'date-order']);
    assert.deepEqual(ds.map((d) => d.code), ['date-order']);
    assert.match(message(ds[0]), /UR denial date/);
    assert.equal(textAt(text, ds[0].range), '11/09/2014');
    // Related: the date it comes before.
    const [related] = lint(text, { now, uri: 'file:///d.txt' })[0].relatedInformation!;
    assert.equal(textAt(text, related.location.range), '12/10/2014');
    assert.equal(related.message, 'The date of injury, 12/10/2014.');
  });
  test('fires on a decision before the assignment', () => {
    const ds = only(header('10/10/2014', '11/18/2014', '11/15/2014', '11/09/2014') + seed, 'date-order');
    assert.equal(ds.length, 1);
    assert.match(message(ds[0]), /decision date .* before the date assigned/);
  });
  test('fires on a date in the future', () => {
    const ds = lint(header('10/10/2014', '11/18/2014', '12/19/2014', '11/09/2014') + seed, { now: new Date('2014-12-01') });
    assert.ok(ds.some((d) => d.code === 'date-order' && /in the future/.test(message(d))));
  });
  test('fires on a doctored corpus header', { skip: corpusSkip }, () => {
    const text = replaceOnce(readCorpusLetter('001_CM16-0219557.txt'), 'Date of Injury:  10/10/2016', 'Date of Injury:  12/10/2016');
    assert.ok(only(text, 'date-order').length >= 1);
  });
});

describe('date-of-injury-mismatch', () => {
  const header = (injury: string) => `Case Number: CM16-0219557\nDate Assigned: 11/18/2014 Date of Injury:  ${injury}\nDecision Date: 12/19/2014 UR Denial Date:  11/09/2014\n\n`;
  const now = new Date('2024-01-01T00:00:00Z');
  test('fires on the summary\'s date when it is another day than the header\'s, the header\'s related, LF and CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = (header('03/19/2013') + seed).replace(/\r?\n/g, eol);
      const ds = lint(text, { now, uri: 'file:///d.txt' }).filter((d) => d.code === 'date-of-injury-mismatch');
      assert.equal(ds.length, 1);
      assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
      assert.equal(textAt(text, ds[0].range), 'March 18, 2013');
      assert.equal(message(ds[0]), 'The clinical case summary gives the date of injury as March 18, 2013 (2013-03-18); the header table says 03/19/2013 (2013-03-19).');
      assert.deepEqual(ds[0].relatedInformation?.map((r) => [textAt(text, r.location.range), r.message]), [['03/19/2013', 'The header table\'s date of injury, 03/19/2013.']]);
    }
  });
  test('on a cumulative trauma claim, says so and is information (at most: configured lower, lower still)', () => {
    const text = header('03/19/2013') + replaceOnce(seed, /(March 18, 2013\.?)/, '$1 The mechanism of injury is detailed as repetitive\ntrauma.');
    const ds = lint(text, { now }).filter((d) => d.code === 'date-of-injury-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
    assert.equal(
      message(ds[0]),
      "The clinical case summary gives the date of injury as March 18, 2013 (2013-03-18); the header table says 03/19/2013 (2013-03-19). The summary describes cumulative trauma: a cumulative trauma claim's date of injury may be given as a period, and the two dates may both be right.",
    );
    assert.equal(lint(text, { now, rules: { 'date-of-injury-mismatch': 'error' } }).find((d) => d.code === 'date-of-injury-mismatch')?.severity, DiagnosticSeverity.Information);
    assert.equal(lint(text, { now, rules: { 'date-of-injury-mismatch': 'hint' } }).find((d) => d.code === 'date-of-injury-mismatch')?.severity, DiagnosticSeverity.Hint);
  });
  test('the corpus\'s two cumulative trauma claims (032, 065) are information, the other two warnings', { skip: corpusSkip }, () => {
    const got = ['001_CM16-0219557.txt', '013_CM16-0233794.txt', '032_CM16-0239569.txt', '065_CM16-0248698.txt'].map((f) => {
      const text = readCorpusLetter(f);
      return lint(text).find((d) => d.code === 'date-of-injury-mismatch')?.severity;
    });
    assert.deepEqual(got, [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
  });
  test('quiet when both name the same day, however written, and when either is missing', () => {
    assert.deepEqual(only(header('03/18/2013') + seed, 'date-of-injury-mismatch'), []);
    assert.deepEqual(only(header('3/18/13') + seed, 'date-of-injury-mismatch'), []);
    assert.deepEqual(only(seed, 'date-of-injury-mismatch'), [], 'no header');
  });
});

describe('body-part-mismatch', () => {
  // Seed 001's rationale names no part of the body; each case adds a sentence before its last one.
  const withSentence = (sentence: string, title = seedTitle) =>
    replaceOnce(replaceOnce(seed, 'In light of the above issues,', `${sentence} In light of the above issues,`), seedTitle, title);
  const cervical = 'Physical therapy, cervical and thoracic spine';
  const finding = 'The clinical information indicated the patient complained of continued pain of the lumbar spine.';

  test('fires on the first part the findings name, the request related, LF and CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = withSentence(finding, cervical).replace(/\r?\n/g, eol);
      const ds = lint(text, { uri: 'file:///b.txt' }).filter((d) => d.code === 'body-part-mismatch');
      assert.equal(ds.length, 1);
      assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
      assert.equal(textAt(text, ds[0].range), 'lumbar');
      assert.equal(
        message(ds[0]),
        `The rationale of item 1 (${cervical}) speaks of the low back ("lumbar"), never of the neck or mid back the request is for.`,
      );
      assert.deepEqual(ds[0].relatedInformation?.map((r) => [textAt(text, r.location.range), r.message]), [[cervical, `The request: ${cervical}.`]]);
      assert.deepEqual(ds[0].data, { requested: ['neck', 'mid back'], spoken: ['low back'] });
    }
  });

  test('the same place whether the caller gives the line index (the editor) or not (the command line)', () => {
    const text = withSentence('She has neck pain radiating to the right shoulder since 10/12/2016.');
    const model = parseLetter(text);
    const withLines = lintLetter(model, { text, lines: new LineIndex(text) }).filter((d) => d.code === 'body-part-mismatch');
    const without = lintLetter(model, { text }).filter((d) => d.code === 'body-part-mismatch');
    assert.deepEqual(withLines, without);
    assert.equal(textAt(text, without[0].range), 'neck');
    assert.match(message(without[0]), /speaks of the neck and shoulder \("neck"\), never of the low back the request is for\.$/);
  });

  test('quiet when the findings name the request\'s part too, or a limb its spinal region reaches, or only the guideline does', () => {
    for (const [sentence, title] of [
      ['The patient reports neck pain and low back pain.', seedTitle],
      ['The patient reports pain radiating to the left foot.', seedTitle],
      ['The patient has numbness in both hands on 11/02/2016.', cervical.replace(' and Thoracic', '')],
      ['The MTUS recommends a short course of therapy for neck and shoulder complaints.', seedTitle],
      [finding, '12 Physical Therapy Treatments'],
      [finding, seedTitle],
    ])
      assert.deepEqual(only(withSentence(sentence, title), 'body-part-mismatch'), [], `${sentence} / ${title}`);
  });

  test('what may be is the guideline up to a turn to the case: only the words after the turn are findings', () => {
    const text = withSentence('Therapy for the neck may be appropriate, but the patient complained of continued pain of the lumbar spine.', cervical);
    const ds = only(text, 'body-part-mismatch');
    assert.deepEqual(ds.map((d) => textAt(text, d.range)), ['lumbar']);
    assert.deepEqual(only(withSentence('Therapy for the lumbar spine may be appropriate with documentation of functional improvement.', cervical), 'body-part-mismatch'), []);
  });

  test('the parts of the body in the letters\' words, spinal levels in capitals only', () => {
    assert.deepEqual(bodyRegionsIn('MRI of the thoracolumbar spine'), ['mid back', 'low back']);
    assert.deepEqual(bodyRegionsIn('Left L5-S1 epidural steroid injection'), ['low back']);
    assert.deepEqual(bodyRegionsIn('C5-C6 anterior cervical discectomy'), ['neck']);
    // The thoracolumbar junction: both.
    assert.deepEqual(bodyRegionsIn('T12-L1 facet injection'), ['mid back', 'low back']);
    assert.deepEqual(bodyRegionsIn('Right rotator cuff repair, carpal tunnel release'), ['shoulder', 'wrist or hand']);
    assert.deepEqual(bodyRegionsIn('Vitamin C, T3 levels, l5 of the list, handling'), []);
    assert.deepEqual(bodyRegionMentions('Pain of the knee, the low back and L4-5'), [
      { regions: ['knee'], from: 12, to: 16 },
      { regions: ['low back'], from: 22, to: 30 },
      { regions: ['low back'], from: 35, to: 39 },
    ]);
  });
});

describe('laterality-mismatch', () => {
  const withSentence = (sentence: string, title: string) =>
    replaceOnce(replaceOnce(seed, 'In light of the above issues,', `${sentence} In light of the above issues,`), seedTitle, title);
  const finding = 'The patient underwent an arthroscopy of the right knee on 10/12/2016.';

  test('fires on the first finding that names the other side, the request related, LF and CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = withSentence(finding, 'Physical therapy for the left knee, 12 sessions').replace(/\r?\n/g, eol);
      const ds = lint(text, { uri: 'file:///l.txt' }).filter((d) => d.code === 'laterality-mismatch');
      assert.equal(ds.length, 1);
      assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
      assert.equal(textAt(text, ds[0].range), 'right knee');
      assert.equal(
        message(ds[0]),
        'The rationale of item 1 (Physical therapy for the left knee, 12 sessions) speaks of the right knee ("right knee"), never of the left knee the request is for.',
      );
      assert.deepEqual(ds[0].relatedInformation?.map((r) => r.message), ['The request: Physical therapy for the left knee, 12 sessions.']);
      assert.deepEqual(ds[0].data, { region: 'knee', requested: 'left', spoken: 'right' });
    }
  });

  test("quiet when the findings name the request's side too, or both sides, or the request is for both, or only the hand the patient writes with", () => {
    for (const [sentence, title] of [
      [`${finding} She now has pain of the left knee as well.`, 'Physical therapy for the left knee'],
      ['The patient has pain in both knees since 10/12/2016.', 'Physical therapy for the left knee'],
      [finding, 'Physical therapy for the left and right knees'],
      [finding, 'Physical therapy for the knees'],
      ['The patient is right-hand dominant and reports numbness.', 'Left carpal tunnel release'],
      ['The ODG recommends therapy after an arthroscopy of the right knee.', 'Physical therapy for the left knee'],
      [finding, 'Physical therapy for the left shoulder'],
    ])
      assert.deepEqual(only(withSentence(sentence, title), 'laterality-mismatch'), [], `${sentence} / ${title}`);
  });

  test('the sides the letters give a paired part, and none to the spine', () => {
    const sides = (text: string) => sidedRegionMentions(text).map((m) => [m.region, m.side, text.slice(m.from, m.to)]);
    assert.deepEqual(sides('Left knee arthroscopy; right-sided shoulder'), [['knee', 'left', 'Left knee']]);
    assert.deepEqual(sides('bilateral wrists, left and right hips, both feet'), [
      ['wrist or hand', 'both', 'bilateral wrists'],
      ['hip', 'both', 'left and right hips'],
      ['ankle or foot', 'both', 'both feet'],
    ]);
    assert.deepEqual(sides('left L5-S1 epidural, right lumbar facet, right-hand dominant'), []);
  });
});

describe('partial-authorization-mismatch', () => {
  const letter = (remaining: string, eol = '\n') =>
    [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '',
      'Acupuncture 8 sessions was the original request.  Acupuncture 6 sessions was authorized ',
      'by the Claims Administrator.  The remaining IMR eligible portion of the original request, ',
      `${remaining} is: Upheld `,
      '',
      'Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.',
      '',
      'Decision rationale: The request is not medically necessary.',
      '',
    ].join(eol);
  test('fires on a remaining portion that is not the original less the authorized, at the remaining portion, with both other parts related', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = letter('Acupuncture 3 sessions', eol);
      const ds = lint(text, { uri: 'file:///d.txt' }).filter((d) => d.code === 'partial-authorization-mismatch');
      assert.equal(ds.length, 1);
      assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
      assert.equal(textAt(text, ds[0].range), 'Acupuncture 3 sessions');
      assert.deepEqual(ds[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 22 } });
      assert.equal(
        message(ds[0]),
        'The remaining portion of item 1 (Acupuncture 3 sessions) does not add up: the original request less what was authorized leaves 2 (8 - 6), not 3.',
      );
      const related = ds[0].relatedInformation!;
      assert.deepEqual(related.map((r) => textAt(text, r.location.range)), ['Acupuncture 8 sessions', 'Acupuncture 6 sessions']);
      assert.deepEqual(related.map((r) => r.message), ['The original request: 8.', 'Authorized by the claims administrator: 6.']);
    }
  });
  test('quiet when it adds up, in words too, and when the wordings cannot be compared', () => {
    assert.deepEqual(only(letter('Acupuncture 2 sessions'), 'partial-authorization-mismatch'), []);
    assert.deepEqual(only(letter('Acupuncture two sessions'), 'partial-authorization-mismatch'), []);
    assert.deepEqual(only(letter('Chiropractic 3 sessions'), 'partial-authorization-mismatch'), []);
  });
  test('"leaving the original request IMR eligible": fires when the restated original is not the original request, both quoted', () => {
    const leaving = (original: string, restated: string) =>
      [
        'IMR ISSUES, DECISIONS AND RATIONALES',
        '',
        `${original} was the original request. The Claims`,
        'Administrator authorized Trezix capsule 320.5/30/16mg #5, leaving the original request',
        `IMR eligible. The original request, ${restated} is:`,
        'Upheld',
        '',
        'Claims Administrator guideline: Decision based on MTUS Opioid Treatment 2016.',
        '',
        'MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016.',
        '',
        'Decision rationale: The request is not medically necessary.',
        '',
      ].join('\n');
    const text = leaving('One month supply of Trezix capsule 320.5/30/16mg', 'one month supply of Trezix capsule 30.5/30/16mg');
    const ds = lint(text, { uri: 'file:///d.txt' }).filter((d) => d.code === 'partial-authorization-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, DiagnosticSeverity.Warning);
    assert.equal(textAt(text, ds[0].range), 'one month supply of Trezix capsule 30.5/30/16mg');
    assert.equal(
      message(ds[0]),
      'The title of item 1 (one month supply of Trezix capsule 30.5/30/16mg) leaves the original request IMR eligible, but restates it as "one month supply of Trezix capsule 30.5/30/16mg" where the original request is "One month supply of Trezix capsule 320.5/30/16mg".',
    );
    assert.deepEqual(ds[0].relatedInformation!.map((r) => textAt(text, r.location.range)), ['One month supply of Trezix capsule 320.5/30/16mg']);
    // Case, spacing, articles and lead words aside, the same request: quiet.
    for (const restated of ['one month supply of Trezix capsule 320.5/30/16mg', 'Trezix  capsule 320.5/30/16mg', 'a 30-day supply of the Trezix capsule 320.5/30/16mg']) {
      assert.deepEqual(only(leaving('One month supply of Trezix capsule 320.5/30/16mg', restated), 'partial-authorization-mismatch'), [], restated);
    }
    // A decimal point is no spacing: 3.5 is not 35.
    assert.equal(only(leaving('Trezix capsule 3.5mg', 'Trezix capsule 35mg'), 'partial-authorization-mismatch').length, 1);
  });
  test('fires on a corpus letter whose remaining portion was altered, and on no corpus letter as it is', { skip: corpusSkip }, () => {
    const original = readCorpusLetter('065_CM16-0248698.txt');
    assert.deepEqual(only(original, 'partial-authorization-mismatch'), []);
    const text = replaceOnce(original, 'Acupuncture 12 sessions is: Upheld', 'Acupuncture 10 sessions is: Upheld');
    const ds = only(text, 'partial-authorization-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(textAt(text, ds[0].range), 'Acupuncture 10 sessions');
    assert.match(message(ds[0]), /leaves 12 \(18 - 6\), not 10\.$/);
  });
});

describe('superseded-guideline', () => {
  const letter = (urDenial: string, citation: string, title = 'Physical therapy 6 sessions') =>
    [
      'Case Number: CM16-0000001',
      `Date Assigned: 11/09/2016 Date of Injury:  10/13/2014`,
      `Decision Date: 12/09/2016 UR Denial Date:  ${urDenial}`,
      '',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '',
      `${title}: Upheld`,
      '',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine.',
      '',
      `MAXIMUS guideline: Decision based on ${citation}.`,
      '',
      'Decision rationale: The request is not medically necessary.',
      '',
    ].join('\n');
  const cited = 'MTUS Chronic Pain Medical Treatment 2009, Section(s): Physical Medicine';
  test('fires on the 2009 edition cited for a request denied at least 14 days after the 2016 edition, with the UR denial date related', () => {
    const text = letter('11/03/2016', cited);
    const ds = lint(text, { uri: 'file:///d.txt' }).filter((d) => d.code === 'superseded-guideline');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
    assert.equal(textAt(text, ds[0].range), `Decision based on ${cited}`);
    assert.equal(
      message(ds[0]),
      'The reviewer cites the 2009 Chronic Pain Medical Treatment Guidelines, which the 2016 edition replaced for requests from July 29, 2016; this request was denied on 11/03/2016 (UR denial date).',
    );
    const [related] = ds[0].relatedInformation!;
    assert.equal(textAt(text, related.location.range), '11/03/2016');
  });
  test('quiet on the 2016 edition, before the change or too close to it, without a UR denial date, and on retrospective items', () => {
    assert.deepEqual(only(letter('11/03/2016', 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical Medicine'), 'superseded-guideline'), []);
    assert.deepEqual(only(letter('06/03/2016', cited), 'superseded-guideline'), []);
    // Denied on August 5: the request may have come before July 29.
    assert.deepEqual(only(letter('08/05/2016', cited), 'superseded-guideline'), []);
    // 14 days after July 29, not after the adoption on July 28: August 11 may be of a request of July 28.
    assert.deepEqual(only(letter('08/11/2016', cited), 'superseded-guideline'), []);
    assert.equal(only(letter('08/12/2016', cited), 'superseded-guideline').length, 1);
    assert.deepEqual(only(letter('11/03/2016', cited).replace(/^.*UR Denial Date.*$/m, 'Decision Date: 12/09/2016'), 'superseded-guideline'), []);
    assert.deepEqual(only(letter('11/03/2016', cited, 'Retrospective physical therapy 6 sessions (DOS 05/02/16)'), 'superseded-guideline'), []);
  });
});

test('the corpus is where env.ts says', { skip: corpusSkip }, () => {
  assert.ok(existsSync(lettersDir));
});
