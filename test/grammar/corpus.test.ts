// Invariants of the grammar over every corpus letter: the letters' text is not committed, so no snapshots here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { corpusLetters, corpusSkip, lettersDir, readSources } from '../support/env';
import { loadGrammar, scopedRuns, tokenizeText, type TokenizedLine } from './support';

const UPHELD = 'markup.deleted.decision.upheld.imr';
const OVERTURNED = 'markup.inserted.decision.overturned.imr';
const NOT_NECESSARY = 'markup.deleted.conclusion.not-medically-necessary.imr';
const NECESSARY = 'markup.inserted.conclusion.medically-necessary.imr';
const HEADINGS = ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'];

interface Letter {
  file: string;
  lines: TokenizedLine[];
}

/**
 * Every match of `pattern` (group `group`, or the whole match) in every line must lie inside tokens that all
 * carry `scope`; returns the places where that fails, as "file:line «text»".
 */
function uncovered(letters: Letter[], pattern: RegExp, scope: string, group = 0): string[] {
  const misses: string[] = [];
  for (const { file, lines } of letters) {
    lines.forEach((line, i) => {
      for (const m of line.text.matchAll(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'gd'))) {
        const span = m.indices?.[group];
        if (!span) continue;
        const [start, end] = span;
        const inside = line.tokens.filter((t) => t.start < end && t.start + t.text.length > start);
        if (inside.length === 0 || !inside.every((t) => t.scopes.includes(scope))) {
          misses.push(`${file}:${i + 1} «${line.text.slice(start, end)}»`);
        }
      }
    });
  }
  return misses;
}

// Each test (not the suite) carries the skip, so the run counts the skipped tests.
const needsCorpus = { skip: corpusSkip };

describe('the grammar over the corpus letters', () => {
  let grammar: IGrammar;
  let letters: Letter[] = [];

  before(async () => {
    grammar = await loadGrammar();
    letters = corpusLetters().map((file) => ({
      file,
      lines: tokenizeText(grammar, readFileSync(path.join(lettersDir, file), 'utf8')),
    }));
  });

  test('tokenizes every letter, each line covered exactly by its tokens', needsCorpus, () => {
    assert.ok(letters.length >= 100, `expected the corpus letters, found ${letters.length}`);
    for (const { file, lines } of letters) {
      lines.forEach((line, i) => {
        assert.equal(line.tokens.map((t) => t.text).join(''), line.text, `${file}:${i + 1}`);
      });
    }
  });

  test('decision scopes: as many Upheld and Overturned as SOURCES.tsv counts, per letter', needsCorpus, () => {
    const byFile = new Map(readSources().map((s) => [s.filename, s]));
    for (const { file, lines } of letters) {
      const source = byFile.get(file);
      assert.ok(source, `${file} is not in SOURCES.tsv`);
      const upheld = scopedRuns(lines, UPHELD);
      const overturned = scopedRuns(lines, OVERTURNED);
      assert.deepEqual(upheld, Array(source.upheld).fill('Upheld'), `${file}: Upheld decisions`);
      assert.deepEqual(overturned, Array(source.overturned).fill('Overturned'), `${file}: Overturned decisions`);
    }
  });

  test('every decision word ending a line gets its decision scope', needsCorpus, () => {
    assert.deepEqual(uncovered(letters, /(Upheld)\s*$/, UPHELD, 1), []);
    assert.deepEqual(uncovered(letters, /(Overturned)\s*$/, OVERTURNED, 1), []);
  });

  test('every paragraph label at the start of a line gets its label scope, once per item', needsCorpus, () => {
    const labels: [RegExp, string, string][] = [
      [/^\s*(Claims Administrator guideline:)/, 'keyword.other.label.claims-administrator.imr', 'Claims Administrator guideline:'],
      [/^\s*(MAXIMUS guideline:)/, 'keyword.other.label.maximus.imr', 'MAXIMUS guideline:'],
      [/^\s*(Decision rationale:)/, 'keyword.other.label.rationale.imr', 'Decision rationale:'],
    ];
    const byFile = new Map(readSources().map((s) => [s.filename, s]));
    for (const [pattern, scope, label] of labels) {
      assert.deepEqual(uncovered(letters, pattern, scope, 1), [], scope);
      for (const { file, lines } of letters) {
        assert.deepEqual(scopedRuns(lines, scope), Array(byFile.get(file)?.items ?? -1).fill(label), `${file}: ${label}`);
      }
    }
  });

  test('every section heading line gets the heading scope, and nothing else does', needsCorpus, () => {
    for (const { file, lines } of letters) {
      const expected = lines.map((l) => l.text.trim()).filter((t) => HEADINGS.includes(t));
      assert.equal(expected.length, 3, `${file}: the three headings`);
      assert.deepEqual(scopedRuns(lines, 'markup.heading.section.imr'), expected, file);
    }
  });

  test('header fields, case numbers and dates get their scopes', needsCorpus, () => {
    const field = 'entity.name.tag.field.imr';
    assert.deepEqual(
      uncovered(letters, /\b(?:Case Number|Date Assigned|Date of Injury|Decision Date|UR Denial Date):/, field),
      [],
    );
    assert.deepEqual(uncovered(letters, /^(Priority:)/, field, 1), []);
    assert.deepEqual(uncovered(letters, /^Priority:.*\b(Application)\s*$/, field, 1), []);
    assert.deepEqual(uncovered(letters, /^(Received:)/, field, 1), []);
    assert.deepEqual(uncovered(letters, /\bCM\d\d-\d{7}\b/, 'constant.other.case-number.imr'), []);
    assert.deepEqual(uncovered(letters, /\b\d\d\/\d\d\/\d{4}\b/, 'constant.numeric.date.imr'), []);
    for (const { file, lines } of letters) {
      const caseNumber = file.replace(/^\d+_|\.txt$/g, '');
      assert.ok(scopedRuns(lines, 'constant.other.case-number.imr').includes(caseNumber), `${file}: case number`);
    }
  });

  test('reviewer credential fields get the credential scope', needsCorpus, () => {
    const scope = 'entity.name.tag.field.credential.imr';
    assert.deepEqual(uncovered(letters, /^\s*(State\(s\) of Licensure:)/, scope, 1), []);
    assert.deepEqual(uncovered(letters, /^\s*(Certification\(s\)\/Specialty:)/, scope, 1), []);
    const blocks = letters.filter((l) => l.lines.some((line) => line.text.startsWith('State(s) of Licensure:')));
    assert.ok(blocks.length > 0, 'some letters have the credentials block');
  });

  test('guideline names, Non-MTUS citations, sections and URLs get their scopes', needsCorpus, () => {
    assert.deepEqual(uncovered(letters, /\bNon-MTUS Citation\b/, 'support.type.guideline.non-mtus.imr'), []);
    // "MTUS Citation" opening a line is the end of a "Non-" the line before broke.
    assert.deepEqual(uncovered(letters, /^\s*MTUS Citation\b/, 'support.type.guideline.non-mtus.imr'), []);
    assert.deepEqual(uncovered(letters, /(?<!-)\bMTUS\b(?! Citation)/, 'support.type.guideline.mtus.imr'), []);
    assert.deepEqual(uncovered(letters, /\bODG\b|\bOfficial Disability Guidelines\b/, 'support.type.guideline.odg.imr'), []);
    assert.deepEqual(uncovered(letters, /\bACOEM\b/, 'support.type.guideline.acoem.imr'), []);
    assert.deepEqual(uncovered(letters, /\bSection\(s\):/, 'keyword.other.sections.imr'), []);
    // A topic ending on its line: "Section(s): Special Studies."
    assert.deepEqual(uncovered(letters, /\bSection\(s\): ([^.,:]+)\.(?=\s|$)/, 'entity.name.section.imr', 1), []);
    assert.deepEqual(uncovered(letters, /\bhttps?:\/\/[^\s,]*[\w/]/, 'markup.underline.link.imr'), []);
  });

  test('"not medically necessary" and "medically necessary" get distinct scopes, never mixed up', needsCorpus, () => {
    assert.deepEqual(uncovered(letters, /\bnot medically necessary\b/i, NOT_NECESSARY), []);
    assert.deepEqual(uncovered(letters, /\b(?:is|was) (medically necessary)\b/i, NECESSARY, 1), []);
    for (const { file, lines } of letters) {
      for (const run of scopedRuns(lines, NECESSARY)) assert.doesNotMatch(run, /\bnot\b/i, file);
      lines.forEach((line, i) => {
        const first = line.tokens.find((t) => t.scopes.includes(NECESSARY));
        // A negation just before a positive conclusion means the negation was missed.
        if (first) assert.doesNotMatch(line.text.slice(0, first.start), /\b(?:not|cannot)(?:\s+\w+){0,2}\s*$/i, `${file}:${i + 1}`);
      });
    }
    const negatives = letters.flatMap((l) => scopedRuns(l.lines, NOT_NECESSARY));
    const positives = letters.flatMap((l) => scopedRuns(l.lines, NECESSARY));
    assert.ok(negatives.length > 300 && positives.length > 20, `${negatives.length} negative, ${positives.length} positive`);
  });

  test('no rule stays open past the next non-blank line', needsCorpus, () => {
    for (const { file, lines } of letters) {
      const root = lines[0].depth;
      let open = false;
      lines.forEach((line, i) => {
        assert.ok(line.depth <= root + 1, `${file}:${i + 1} leaves ${line.depth - root} rules open`);
        if (line.text.trim() === '') return;
        if (open && line.depth > root) {
          // Still open after this line: only right if the line opened a rule of its own at its end.
          const alone = grammar.tokenizeLine(line.text, INITIAL).ruleStack.depth;
          assert.ok(alone > root, `${file}:${i + 1}: a rule from an earlier line is still open`);
        }
        open = line.depth > root;
      });
    }
  });
});
