#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests spawns: it reads VS Code's
// command-line arguments, runs the extension tests in code-server driven by Chromium (../shared/E2E.md),
// prints the extension host's log lines and exits with the test run's exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumEnv, chromiumExecutable, codeServerReady, loadCodeServer } from '../support/codeServer';
import type { RunningCodeServer } from '../support/codeServer';

interface ShimArgs {
  developmentPaths: string[];
  testsPath?: string;
  folder?: string;
}

/** VS Code options that take a value, which may come as the next argument. */
const valueOptions = new Set(['--user-data-dir', '--extensions-dir', '--locale', '--log', '--profile']);

export function parseArgs(argv: readonly string[]): ShimArgs {
  const parsed: ShimArgs = { developmentPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (valueOptions.has(a)) {
      i++;
      continue;
    }
    const value = (name: string) => (a.startsWith(`${name}=`) ? a.slice(name.length + 1) : a === name ? argv[++i] : undefined);
    const dev = value('--extensionDevelopmentPath');
    if (dev !== undefined) parsed.developmentPaths.push(path.resolve(dev));
    const tests = value('--extensionTestsPath');
    if (tests !== undefined) parsed.testsPath = path.resolve(tests);
    // Other VS Code options (--user-data-dir, --no-sandbox, ...) do not apply: the run has its own folders.
    if (!a.startsWith('-')) parsed.folder = path.resolve(a);
  }
  return parsed;
}

/** The workbench URL that makes code-server load the extensions under development and run the tests. */
export function testUrl(base: string, args: ShimArgs): string {
  const remote = (p: string) => `vscode-remote://${new URL(base).host}${p}`;
  const payload: [string, string][] = args.developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (args.testsPath) payload.push(['extensionTestsPath', remote(args.testsPath)]);
  const query = new URLSearchParams();
  if (args.folder) query.set('folder', args.folder);
  query.set('payload', JSON.stringify(payload));
  return `${base}/?${query.toString()}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || args.developmentPaths.length === 0) {
    console.error('vscode-shim: needs --extensionDevelopmentPath and --extensionTestsPath');
    return 2;
  }
  if (!codeServerReady()) {
    console.error('vscode-shim: code-server is not installed here (run scripts/setup-e2e.sh)');
    return 2;
  }
  const timeoutMs = Number(process.env.IMR_SHIM_TIMEOUT_MS ?? 120_000);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'imr-shim-'));
  const cs = await loadCodeServer();
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await cs.startCodeServer({ runDir, smokeTestDriver: true, folder: args.folder });
    browser = await chromium.launch({
      executablePath: chromiumExecutable,
      args: ['--no-sandbox', '--disable-gpu'],
      env: chromiumEnv(runDir),
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const origin = server.url;
    // Nothing leaves the machine: only the local code-server is reachable.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_level: unknown, message: unknown) => {
      process.stdout.write(`${String(message)}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => finish(typeof code === 'number' ? code : 1));
    await page.goto(testUrl(origin, args));
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`vscode-shim: the test run did not end within ${timeoutMs} ms`);
        resolve(1);
      }, timeoutMs).unref(),
    );
    return await Promise.race([finished, timeout]);
  } finally {
    await stopAll();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`vscode-shim: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
