// What the CLI adapts to the Node it runs on (cli/runtime.ts): Maglev alone and a later first worker from Node 24
// on, checked in a real Node 24 run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { batchV8Flags, inProcessThreshold, nodeMajor } from '../../cli/runtime';
import { inProcessBelow } from '../../cli/pipeline';
import { repoRoot, skipUnless } from '../support/env';
import { cliPath, seedFiles, tempDir } from './support';

test('Node 24 and later run the CLI on Maglev alone; older Nodes, and users who chose the compilers, keep their defaults', () => {
  assert.equal(batchV8Flags('24.11.1', []), '--no-turbofan');
  assert.equal(batchV8Flags('v25.0.0', ['--enable-source-maps'], '--max-old-space-size=4096'), '--no-turbofan');
  assert.equal(batchV8Flags('20.20.2', []), undefined);
  assert.equal(batchV8Flags('22.12.0', []), undefined);
  assert.equal(batchV8Flags('not a version', []), undefined);
  assert.equal(batchV8Flags('24.11.1', ['--turbofan']), undefined);
  assert.equal(batchV8Flags('24.11.1', ['--no-maglev']), undefined);
  assert.equal(batchV8Flags('24.11.1', [], '--trace-opt --no_maglev'), undefined);
  assert.equal(batchV8Flags('24.11.1', ['--jitless']), undefined);
  assert.equal(batchV8Flags('24.11.1', ['--trace-opt']), '--no-turbofan', 'a tracing flag chooses no compiler');
});

test('Node 24 keeps runs of up to 2,000 files in the main thread, older Nodes up to 300', () => {
  assert.equal(nodeMajor('v24.11.1'), 24);
  assert.ok(Number.isNaN(nodeMajor('')));
  assert.equal(inProcessThreshold('24.11.1'), 2000);
  assert.equal(inProcessThreshold('20.20.2'), 300);
  assert.equal(inProcessThreshold('22.12.0'), 300);
  assert.equal(inProcessBelow, inProcessThreshold(process.versions.node), 'the pipeline uses the running Node\'s threshold');
});

const node24 = process.env.IMR_NODE24 ?? path.join(repoRoot, '.vscode-test', 'node24', 'bin', 'node');

test(
  'under Node 24 the main thread and its worker compile with Maglev only, and lint as Node 20 does',
  { skip: skipUnless(existsSync(node24), `no Node 24 at ${node24} (bash scripts/setup-e2e.sh installs it)`) },
  (t) => {
    // 400 letters: enough for V8 to optimize the parser; with TurboFan on (Node 24's default), it compiles a
    // dozen functions over them.
    const dir = tempDir(t);
    const seeds = seedFiles();
    for (let i = 0; i < 400; i++) copyFileSync(seeds[i % seeds.length], path.join(dir, `${String(i).padStart(3, '0')}.txt`));
    const run = (node: string, flags: string[], args: string[]) =>
      spawnSync(node, [...flags, cliPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });

    // One worker: the parser runs only there, so its compilations show that the worker has the flag too.
    const traced = run(node24, ['--trace-opt'], ['lint', '--format', 'json', '--jobs', '1', dir]);
    assert.ok(traced.status === 0 || traced.status === 1, traced.stderr);
    const targets = (traced.stdout.match(/compiling method .*?\(target (\w+)\)/g) ?? []).map((line) => /target (\w+)/.exec(line)?.[1]);
    assert.ok(targets.filter((x) => x === 'MAGLEV').length > 20, `Maglev compiled: ${targets.length} compilations traced`);
    assert.equal(targets.filter((x) => x?.startsWith('TURBOFAN')).length, 0, 'no TurboFan compilation');
    assert.match(traced.stdout, /compiling method \S+ <JSFunction (parseItems|buildItem|findSections) .*\(target MAGLEV\)/, 'the worker compiled the parser');
    const withTurbofan = run(node24, ['--trace-opt', '--turbofan'], ['lint', '--format', 'json', '--jobs', '1', dir]);
    assert.match(withTurbofan.stdout, /\(target TURBOFAN(_JS)?\)/, 'the same run with TurboFan asked for does use it (the check above can fail)');

    const onNode24 = run(node24, [], ['lint', '--format', 'json', dir]);
    const here = run(process.execPath, [], ['lint', '--format', 'json', dir]);
    assert.equal(onNode24.status, here.status);
    assert.deepEqual(JSON.parse(onNode24.stdout), JSON.parse(here.stdout));
    assert.equal((JSON.parse(here.stdout) as unknown[]).length, 400);
  },
);
