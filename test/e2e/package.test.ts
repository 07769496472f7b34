// npm run package: a .vsix well under 2 MB holding the bundles, grammar, media, README with its screenshot,
// CHANGELOG, LICENSE and icon, and none of the sources, tests or node_modules.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { testOutputDir } from '../support/codeServer';
import { repoRoot } from '../support/env';

interface Packaged {
  vsix: string;
  size: number;
  entries: { name: string; size: number }[];
}

test('the .vsix holds what the extension needs and nothing else', { timeout: 60_000 }, async () => {
  const { packageExtension } = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'package.mjs')).href)) as {
    packageExtension(o: { out: string; quiet: boolean }): Promise<Packaged>;
  };
  const dir = testOutputDir('package');
  mkdirSync(dir, { recursive: true });
  const { size, entries } = await packageExtension({ out: path.join(dir, 'imr-letters.vsix'), quiet: true });
  const names = entries.map((e) => e.name);
  assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
  console.log(`# .vsix: ${(size / 1024).toFixed(0)} kB`);
  for (const needed of [
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    // pdf.js, which the server loads on the first PDF.
    'extension/dist/pdf.js',
    'extension/syntaxes/imr.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/media/icon.png',
    'extension/media/summary.js',
    'extension/media/summary.css',
    'extension/docs/screenshot.png',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
  ]) {
    assert.ok(names.includes(needed), `${needed} is packaged (has ${names.join(', ')})`);
  }
  for (const name of names) {
    assert.doesNotMatch(name, /node_modules|\.ts$|\.map$|^extension\/(client|core|server|cli|test|scripts|samples|out)\//, `${name} is not packaged`);
  }
});
