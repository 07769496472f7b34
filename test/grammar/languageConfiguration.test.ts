// Checks language-configuration.json: what a word is in a letter (double-click, word navigation) and the pairs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/env';

interface LanguageConfiguration {
  wordPattern: string;
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
}

const config = JSON.parse(
  readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** The words of `text` as VS Code finds them: the pattern compiled with the global flag. */
function words(text: string): string[] {
  return [...text.matchAll(new RegExp(config.wordPattern, 'g'))].map((m) => m[0]);
}

test('case numbers, dates, section numbers and hyphenated words are single words', () => {
  assert.deepEqual(words('Case Number: CM16-0219557  '), ['Case', 'Number', 'CM16-0219557']);
  assert.deepEqual(words('Date Assigned: 11/09/2016 Date of Injury:  10/13/16 '), [
    'Date', 'Assigned', '11/09/2016', 'Date', 'of', 'Injury', '10/13/16',
  ]);
  assert.deepEqual(words('on 10-20-2016.'), ['on', '10-20-2016']);
  assert.deepEqual(words('Section(s): 3.3.9 Non-MTUS Citation'), ['Section', 's', '3.3.9', 'Non-MTUS', 'Citation']);
  assert.deepEqual(words("a 52-year-old patient's L4-5 level"), ['a', '52-year-old', "patient's", 'L4-5', 'level']);
});

test('punctuation and brackets are not part of words', () => {
  assert.deepEqual(words('(ODG), Low Back. "Traction" MTUS/ACOEM'), ['ODG', 'Low', 'Back', 'Traction', 'MTUS', 'ACOEM']);
  assert.deepEqual(words('-- 5/10 pain'), ['5', '10', 'pain']);
});

test('parentheses are the brackets; parentheses and quotes close and surround', () => {
  assert.deepEqual(config.brackets, [['(', ')']]);
  const closing = config.autoClosingPairs.map((p) => p.open + p.close);
  for (const pair of ['()', '""', "''"]) {
    assert.ok(closing.includes(pair), `auto-closes ${pair}`);
    assert.ok(config.surroundingPairs.some(([o, c]) => o + c === pair), `surrounds with ${pair}`);
  }
});

test('package.json registers this grammar and this configuration for the imr language', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: {
      languages?: { id: string; configuration?: string }[];
      grammars?: { language?: string; scopeName: string; path: string }[];
    };
  };
  const grammar = pkg.contributes?.grammars?.find((g) => g.language === 'imr');
  assert.ok(grammar, 'a grammar for the imr language');
  const file = JSON.parse(readFileSync(path.join(repoRoot, grammar.path), 'utf8')) as { scopeName: string };
  assert.equal(grammar.scopeName, file.scopeName);
  const language = pkg.contributes?.languages?.find((l) => l.id === 'imr');
  assert.equal(path.normalize(language?.configuration ?? ''), path.normalize('./language-configuration.json'));
});
