// npm start, without a `code` command: packages the extension, installs it into code-server, serves the
// samples on 127.0.0.1 and prints the URL; Ctrl+C stops every process it started.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { codeServerReady, testOutputDir } from '../support/codeServer';
import { repoRoot, skipUnless } from '../support/env';

function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(text)) found.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

test(
  'npm start serves the samples in code-server with the extension installed, and Ctrl+C stops it all',
  { skip: skipUnless(codeServerReady(), 'no code-server here: run scripts/setup-e2e.sh'), timeout: 120_000 },
  async () => {
    const runDir = path.join(testOutputDir('start'), 'run');
    rmSync(runDir, { recursive: true, force: true });
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--code-server', 'samples'], {
      cwd: repoRoot,
      env: { ...process.env, IMR_START_DIR: runDir, INIT_CWD: repoRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
        const onData = (chunk: Buffer) => {
          output += String(chunk);
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
      });
      assert.equal(decodeURIComponent(new URL(url).searchParams.get('folder') ?? ''), path.join(repoRoot, 'samples'));
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /workbench/i);
      const installed = readdirSync(path.join(runDir, 'ext')).filter((d) => d.startsWith('imr-letters.imr-letters-'));
      assert.equal(installed.length, 1, 'the packaged extension is installed');
      assert.ok(existsSync(path.join(runDir, 'ext', installed[0], 'dist', 'server.js')));
      assert.ok(processesMentioning(runDir).length > 0, 'code-server runs');
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0);
    assert.deepEqual(processesMentioning(runDir), [], 'no process of the run is left');
  },
);
