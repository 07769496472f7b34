// The knowledge base's name index comes ready-made (core/knowledge/nameIndex.generated.ts): it must be the one
// the current data and matching code build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { entries } from '../../core/knowledge/data';
import { matchKey } from '../../core/knowledge/match';
import { buildNameIndex, entryNames, generatedModule } from '../../core/knowledge/nameIndex';
import type { NameIndexData } from '../../core/knowledge/nameIndex';
import { nameIndexJson } from '../../core/knowledge/nameIndex.generated';
import { repoRoot } from '../support/env';

const stale = 'core/knowledge/nameIndex.generated.ts is not what the knowledge base builds now: run npm run kb:index';

test('the generated name index is current: the same data, and the same file, as npm run kb:index writes', () => {
  const built = buildNameIndex(entries);
  assert.deepEqual(JSON.parse(nameIndexJson), built, stale);
  // A checkout with CRLF line ends (git on Windows) holds the same file.
  const file = readFileSync(path.join(repoRoot, 'core', 'knowledge', 'nameIndex.generated.ts'), 'utf8').replace(/\r\n/g, '\n');
  assert.equal(file, generatedModule(built), stale);
});

test('the name index holds every name key and every word of every entry, pointing back at its entries', () => {
  const data = JSON.parse(nameIndexJson) as NameIndexData;
  assert.equal(data.names.length, entries.length);
  const holders = new Map(data.words);
  const editKeys = new Map(data.editKeys);
  entries.forEach((e, i) => {
    const keys = entryNames(e).map(matchKey);
    assert.deepEqual(data.names[i], keys.map((k) => [k.normalised, k.tokens]), e.id);
    for (const word of keys.flatMap((k) => k.tokens)) {
      assert.ok(holders.get(word)?.includes(i), `${word} -> ${e.id}`);
      if (word.length >= 5) {
        assert.ok(editKeys.get(word)?.includes(word), word);
        assert.ok(editKeys.get(word.slice(1))?.includes(word), `${word} by its first deletion`);
      }
    }
  });
});
