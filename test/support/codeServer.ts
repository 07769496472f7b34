// Starts and stops code-server for the end-to-end tests, isolated from the user's home (../shared/E2E.md).
// The implementation is scripts/codeServer.mjs, shared with `npm start`; this file gives it types.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './env';

export interface RunDirs {
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
}

export interface RunningCodeServer extends RunDirs {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  pid: number;
  /** Stops the whole process group (SIGTERM, then SIGKILL after 2 s). */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  /** Everything of the run (user data, extensions, XDG folders, tmp) goes here. */
  runDir: string;
  folder?: string;
  settings?: Record<string, unknown>;
  /** --vscode-option enable-smoke-test-driver: needed to run extension tests (extensionTestsPath). */
  smokeTestDriver?: boolean;
  args?: string[];
  env?: Record<string, string>;
  onOutput?: (line: string) => void;
  timeoutMs?: number;
}

interface CodeServerModule {
  node24: string;
  codeServerEntry: string;
  chromiumPath(): string | undefined;
  codeServerInstalled(): boolean;
  isolatedEnv(runDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
  installExtension(runDir: string, vsix: string): string;
  startCodeServer(options: StartOptions): Promise<RunningCodeServer>;
  stopProcessGroup(pgid: number | undefined): Promise<void>;
  groupMembers(pgid: number): number[];
}

const modulePath = path.join(repoRoot, 'scripts', 'codeServer.mjs');

export function loadCodeServer(): Promise<CodeServerModule> {
  return import(pathToFileURL(modulePath).href) as Promise<CodeServerModule>;
}

/** Whether code-server, Node 24 and Chromium are installed (scripts/setup-e2e.sh). */
export function codeServerReady(): boolean {
  return (
    existsSync(path.join(repoRoot, '.vscode-test', 'node24', 'bin', 'node')) &&
    existsSync(path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js')) &&
    (existsSync('/usr/bin/chromium') || existsSync('/usr/bin/chromium-browser'))
  );
}

export const chromiumExecutable = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '/usr/bin/chromium-browser';

/** The environment for Chromium: its own HOME and XDG folders inside the run folder. */
export function chromiumEnv(runDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const home = path.join(runDir, 'chromium');
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_DATA_HOME: path.join(home, 'data'),
  };
}

/**
 * Where a test writes screenshots and scratch files: test-output/<name>, or test-output/<out dir>/<name> when
 * the tests were compiled into another folder (IMR_TEST_OUT), so runs side by side do not clobber each other.
 */
export function testOutputDir(name: string): string {
  const compiledRoot = path.basename(path.resolve(__dirname, '..', '..'));
  const base = path.join(repoRoot, 'test-output');
  return compiledRoot === 'out' ? path.join(base, name) : path.join(base, compiledRoot, name);
}
