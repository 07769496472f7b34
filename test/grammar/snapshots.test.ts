// Token snapshots of the seed letters: every scoped token of every line, kept as readable text beside the test.
// Run with UPDATE_SNAPSHOTS=1 to rewrite them, then review the diff before committing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot, seedsDir } from '../support/env';
import { formatTokens, loadGrammar, tokenizeText } from './support';

const snapshotsDir = path.join(repoRoot, 'test', 'grammar', 'snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

test('there are seed letters to snapshot', () => {
  assert.ok(seeds.length >= 5, `expected the 5 seeds in ${seedsDir}, found ${seeds.length}`);
});

for (const seed of seeds) {
  test(`tokens of seed ${seed} match the snapshot`, async () => {
    const grammar = await loadGrammar();
    const actual = formatTokens(tokenizeText(grammar, readFileSync(path.join(seedsDir, seed), 'utf8')));
    const file = path.join(snapshotsDir, seed.replace(/\.txt$/, '.tokens.txt'));
    if (update) {
      mkdirSync(snapshotsDir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    assert.ok(existsSync(file), `no snapshot ${file}: run with UPDATE_SNAPSHOTS=1 and review it`);
    // Compared line by line so a failure shows the lines that changed, not two long strings.
    assert.deepEqual(
      actual.split('\n'),
      readFileSync(file, 'utf8').split('\n'),
      `${seed}: tokens differ from ${file} (UPDATE_SNAPSHOTS=1 rewrites it)`,
    );
  });
}
