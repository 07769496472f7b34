// Runs code-server (VS Code's own server and workbench) isolated from the user's home, as ../shared/E2E.md
// describes: used by `npm start` and, through test/support/codeServer.ts, by the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export const vscodeTestDir = path.join(root, '.vscode-test');
export const node24 = path.join(vscodeTestDir, 'node24', 'bin', 'node');
export const codeServerEntry = path.join(vscodeTestDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const setupScript = path.join(root, 'scripts', 'setup-e2e.sh');

/** Debian's Chromium, if installed. */
export function chromiumPath() {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

/** Whether scripts/setup-e2e.sh has installed what code-server needs. */
export function codeServerInstalled() {
  return existsSync(node24) && existsSync(codeServerEntry);
}

/** The environment that keeps code-server (and anything it starts) inside `runDir`. */
export function isolatedEnv(runDir, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_')) delete env[k];
  const dirs = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp', HOME: 'home' };
  for (const [k, d] of Object.entries(dirs)) {
    env[k] = path.join(runDir, d);
    mkdirSync(env[k], { recursive: true });
  }
  return {
    ...env,
    PATH: `${path.dirname(node24)}:${env.PATH ?? ''}`,
    // No extension gallery requests; no login shell (which would source the user's ~/.bashrc).
    EXTENSIONS_GALLERY: '{}',
    VSCODE_CLI: '1',
    ...extra,
  };
}

export const privateSettings = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** Folders of one code-server run; the user-data path stays short (a socket lives there). */
export function runDirs(runDir) {
  const dirs = { runDir, userDataDir: path.join(runDir, 'ud'), extensionsDir: path.join(runDir, 'ext') };
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  return dirs;
}

export function writeUserSettings(userDataDir, settings = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  writeFileSync(file, JSON.stringify({ ...privateSettings, ...settings }, null, 2));
}

function commonArgs(dirs) {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Installs a .vsix into the run's extensions folder. */
export function installExtension(runDir, vsix) {
  const dirs = runDirs(runDir);
  const r = spawnSync(node24, [codeServerEntry, ...commonArgs(dirs), '--install-extension', vsix, '--force'], {
    env: isolatedEnv(runDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts code-server on 127.0.0.1 (a free port) in its own process group and resolves once it listens.
 * options: { runDir, folder?, settings?, smokeTestDriver?, args?, onOutput?(line) , timeoutMs? }
 */
export function startCodeServer(options) {
  const dirs = runDirs(options.runDir);
  writeUserSettings(dirs.userDataDir, options.settings);
  const args = [
    codeServerEntry,
    '--bind-addr',
    options.bindAddr ?? '127.0.0.1:0',
    '--auth',
    'none',
    ...commonArgs(dirs),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.args ?? []),
    ...(options.folder ? [options.folder] : []),
  ];
  const child = spawn(node24, args, {
    env: isolatedEnv(options.runDir, options.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopProcessGroup(child.pid);
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => fail(new Error('code-server did not start listening within the time limit')), options.timeoutMs ?? 60_000);
    const fail = (e) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void stop().then(() => reject(e));
    };
    const onData = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        options.onOutput?.(line);
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line);
        if (m && !done) {
          done = true;
          clearTimeout(timer);
          resolve({ url: m[1], port: Number(m[2]), pid: child.pid, ...dirs, stop, exited: exitPromise });
        }
      }
    };
    const exitPromise = new Promise((r) => child.on('exit', (code) => r(code)));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`code-server exited with code ${code} before listening`)));
  });
}

/** Live (non-zombie) processes of a process group, from /proc. */
export function groupMembers(pgid) {
  const members = [];
  let names = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return members;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after 2 s. */
export async function stopProcessGroup(pgid) {
  if (!pgid) return;
  const signal = (s) => {
    try {
      process.kill(-pgid, s);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const until = Date.now() + 2000;
  while (Date.now() < until && groupMembers(pgid).length > 0) await new Promise((r) => setTimeout(r, 100));
  if (groupMembers(pgid).length > 0) signal('SIGKILL');
  const hard = Date.now() + 2000;
  while (Date.now() < hard && groupMembers(pgid).length > 0) await new Promise((r) => setTimeout(r, 50));
}
