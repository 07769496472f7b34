// The VS Code stand-in for @vscode/test-electron: how it reads VS Code's arguments and builds the test URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs, testUrl } from '../vscode-shim/code';

test('reads the development and tests paths and the folder, ignoring the other VS Code options', () => {
  const args = parseArgs([
    '/ws/letters',
    '--disable-extensions',
    '--no-sandbox',
    '--extensionTestsPath=/repo/out/test/integration/index.js',
    '--extensionDevelopmentPath=/repo',
    '--extensionDevelopmentPath',
    '/other',
    '--user-data-dir',
    '/tmp/ud',
    '--extensions-dir=/tmp/ext',
  ]);
  assert.deepEqual(args, {
    developmentPaths: ['/repo', '/other'],
    testsPath: '/repo/out/test/integration/index.js',
    folder: '/ws/letters',
  });
});

test('the workbench URL carries the folder and the test payload as vscode-remote URIs', () => {
  const url = new URL(testUrl('http://127.0.0.1:4567', { developmentPaths: ['/repo'], testsPath: '/repo/t/index.js', folder: '/ws' }));
  assert.equal(url.searchParams.get('folder'), '/ws');
  assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [
    ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4567/repo'],
    ['extensionTestsPath', 'vscode-remote://127.0.0.1:4567/repo/t/index.js'],
  ]);
});
