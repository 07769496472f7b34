// Runs the integration suite (test/integration, mocha in the extension host) through @vscode/test-electron's
// runTests: in code-server via test/vscode-shim, or in desktop VS Code when VSCODE_EXECUTABLE_PATH is given.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { runTests } from '@vscode/test-electron';
import { codeServerReady, testOutputDir } from '../support/codeServer';
import { repoRoot, skipUnless } from '../support/env';

const desktop = process.env.VSCODE_EXECUTABLE_PATH;
const outputDir = testOutputDir('integration');
const mochaLine = /^\s*(✔|✗|\d+\) |\d+ (passing|failing|pending)|IMR Letters extension|Exit code)/;

test(
  'the integration suite passes in a real VS Code (@vscode/test-electron)',
  {
    skip: skipUnless(!!desktop || codeServerReady(), 'no VS Code here: run scripts/setup-e2e.sh (code-server) or set VSCODE_EXECUTABLE_PATH'),
    timeout: 240_000,
  },
  async () => {
    rmSync(outputDir, { recursive: true, force: true });
    const workspace = path.join(outputDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });

    const shim = path.join(__dirname, '..', 'vscode-shim', 'code.js');
    chmodSync(shim, 0o755);
    let output = '';
    const capture = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk);
        // The workbench's own log lines are noise unless the run fails; mocha's lines are shown as they come.
        for (const line of String(chunk).split('\n')) if (mochaLine.test(line)) process.stdout.write(`${line}\n`);
        done();
      },
    });
    let exitCode: number;
    try {
      exitCode = await runTests({
        vscodeExecutablePath: desktop ?? shim,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(__dirname, '..', 'integration', 'index.js'),
        launchArgs: [workspace, '--disable-extensions'],
        stdout: capture,
        stderr: capture,
      });
    } catch (e) {
      assert.fail(`the integration run failed (${e instanceof Error ? e.message : String(e)}):\n${output.slice(-4000)}`);
    }
    assert.equal(exitCode, 0);
    const passing = /(\d+) passing/.exec(output);
    assert.ok(passing, `mocha printed its summary:\n${output.slice(-4000)}`);
    assert.ok(Number(passing[1]) > 0, 'at least one integration test ran');
    assert.doesNotMatch(output, /\d+ failing/);
  },
);
