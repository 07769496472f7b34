// Checks the grammar file itself: every regex compiles, every include resolves, every scope is ours.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { grammarPath, loadOnigLib, scopeName } from './support';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface Found {
  where: string;
  key: string;
  value: string;
}

/** Every string under the keys named in `keys`, anywhere in the grammar, with its JSON path. */
function collect(node: Json, keys: string[], where = ''): Found[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => collect(n, keys, `${where}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    keys.includes(key) && typeof value === 'string'
      ? [{ where: `${where}/${key}`, key, value }]
      : collect(value, keys, `${where}/${key}`),
  );
}

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as { [key: string]: Json };

test('the grammar is text.imr', () => {
  assert.equal(grammar.scopeName, scopeName);
});

test('every regex compiles with Oniguruma (vscode-textmate compiles them only when first reached)', async () => {
  const onig = await loadOnigLib();
  const regexes = collect(grammar, ['match', 'begin', 'end']);
  assert.ok(regexes.length > 20, `found ${regexes.length} regexes`);
  const broken: string[] = [];
  for (const r of regexes) {
    try {
      onig.createOnigScanner([r.value]);
    } catch (e) {
      broken.push(`${r.where}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('every include names a rule of the repository', () => {
  const repository = grammar.repository as { [key: string]: Json };
  const includes = collect(grammar, ['include']);
  assert.ok(includes.length > 0);
  for (const { where, value } of includes) {
    assert.match(value, /^#/, `${where}: only local includes`);
    assert.ok(value.slice(1) in repository, `${where}: ${value} is not in the repository`);
  }
});

test('every scope name ends in .imr, and every rule with a begin has an end', () => {
  for (const { where, value } of collect(grammar, ['name', 'contentName'])) {
    if (where === '/name') continue; // the grammar's display name
    for (const scope of value.split(' ')) assert.match(scope, /^[a-z]+(\.[a-z0-9-]+)*\.imr$/, `${where}: ${scope}`);
  }
  for (const { where } of collect(grammar, ['begin'])) {
    const rule = where.replace(/\/begin$/, '');
    assert.ok(collect(grammar, ['end']).some((e) => e.where === `${rule}/end`), `${rule} has no end`);
  }
});
