// The extension manifest (package.json) agrees with the client's code and declares what the issue asks.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../core/rules/index';
import { repoRoot } from '../support/env';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const clientSource = readdirSync(path.join(repoRoot, 'client'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(repoRoot, 'client', f), 'utf8'))
  .join('\n');

test('every contributed command is registered by the client and activates it', () => {
  const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
  assert.ok(commands.length >= 6);
  for (const c of commands) {
    assert.ok(clientSource.includes(`registerCommand('${c.command}'`), `${c.command} is registered`);
    assert.equal(c.category, 'IMR');
    if (c.command !== 'imr.revealItem') assert.ok(manifest.activationEvents.includes(`onCommand:${c.command}`), `onCommand:${c.command}`);
  }
  const registered = [...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
  for (const r of registered) assert.ok(commands.some((c) => c.command === r), `${r} is contributed`);
});

test('activation is lazy and covers the language, detection and the restored webviews', () => {
  const events: string[] = manifest.activationEvents;
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
  for (const e of ['onLanguage:imr', 'onLanguage:plaintext', 'onWebviewPanel:imrSummary', 'onWebviewPanel:imrFolderSummary']) {
    assert.ok(events.includes(e), e);
  }
  const viewTypes = [...clientSource.matchAll(/ViewType = '([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(viewTypes.sort(), ['imrFolderSummary', 'imrSummary']);
});

test('the language, grammar, view and keybindings are declared', () => {
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'imr');
  assert.deepEqual(language.aliases[0], 'IMR Letter');
  assert.deepEqual(language.extensions, ['.imr']);
  assert.deepEqual(language.filenamePatterns, ['*.imr.txt']);
  assert.ok(existsSync(path.join(repoRoot, language.configuration)));
  const grammar = manifest.contributes.grammars[0];
  assert.equal(grammar.scopeName, 'text.imr');
  assert.ok(existsSync(path.join(repoRoot, grammar.path)));
  assert.equal(manifest.contributes.views.explorer[0].id, 'imrItems');
  assert.ok(clientSource.includes("createTreeView('imrItems'"));
  const keys = manifest.contributes.keybindings.map((k: { command: string; when: string }) => [k.command, k.when]);
  assert.deepEqual(keys, [
    ['imr.nextItem', 'editorTextFocus && editorLangId == imr'],
    ['imr.previousItem', 'editorTextFocus && editorLangId == imr'],
  ]);
});

test('settings have descriptions; capabilities and packaging fields are set', () => {
  const props = manifest.contributes.configuration.properties;
  for (const key of ['imr.rules', 'imr.detectInTextFiles', 'imr.trace.server']) {
    assert.ok(props[key], key);
    assert.ok((props[key].description ?? props[key].markdownDescription ?? '').length > 30, `${key} is described`);
  }
  assert.equal(props['imr.detectInTextFiles'].default, true);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  assert.ok(existsSync(path.join(repoRoot, manifest.icon)));
  assert.ok(manifest.repository?.url);
  assert.equal(manifest.main, './dist/extension.js');
});

test('the imr.rules setting lists every rule id, so the settings editor suggests them', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const listed = Object.keys(manifest.contributes.configuration.properties['imr.rules'].properties).sort();
  assert.deepEqual(listed, allRules.map((r) => r.id).sort());
});
