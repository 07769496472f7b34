// What the command line adapts to the Node it runs on: V8's compilers, and how many files make a worker pay.
// Each isolate (the main thread, each worker) pays again for compiling the parser and the rules.

/** The major version of a Node version string ("24.11.1", "v20.20.2"), NaN when there is none. */
export function nodeMajor(nodeVersion: string): number {
  return Number(/^v?(\d+)\./.exec(nodeVersion)?.[1]);
}

/**
 * The V8 flags a run sets for itself, or undefined to keep the engine's defaults.
 *
 * From Node 24 on, V8's mid-tier compiler (Maglev) alone lints faster than Maglev with TurboFan on top: a worker
 * spends much less on optimizing compilation, and its letters run about as fast. Measured on the 2-core machine
 * (BENCHMARKS.md): 10,000 letters in 2.03–2.17 s against 2.44–2.66 s, 5,000 in 1.35–1.38 s against 1.65–1.76 s,
 * `table` over 10,000 in 2.19–2.29 s against 2.66–2.92 s. Node 20's Maglev is experimental and slower there, so
 * older Nodes keep their defaults, and so does anyone who chose the compilers with their own flags.
 * The language server, which lives long and types into one letter, keeps TurboFan: only the CLI calls this.
 */
export function batchV8Flags(nodeVersion: string, execArgv: readonly string[], nodeOptions = ''): string | undefined {
  if (!(nodeMajor(nodeVersion) >= 24)) return undefined;
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => /^--(no-)?(turbofan|maglev|opt|jitless)\b/.test(flag.replace(/_/g, '-')));
  return chosen ? undefined : '--no-turbofan';
}

/**
 * Without --jobs, a run of fewer files than this works in the main thread. A worker costs a fixed start (a
 * thread, an isolate, the bundle compiled again, the parser warmed up again) and, alone, gains only what the
 * main thread's own work (walking, writing) overlaps. Node 24's main thread starts much faster than its workers:
 * 16 letters took 0.17–0.23 s in the main thread and 0.31–0.35 s with a worker, 1,000 letters 0.55–0.70 s against
 * 0.74–0.84 s, 2,000 about the same either way. On Node 20, 500 letters took 0.87–0.97 s either way and 200
 * letters 0.66 s in the main thread against 0.73 s with a worker (BENCHMARKS.md).
 */
export function inProcessThreshold(nodeVersion: string): number {
  return nodeMajor(nodeVersion) >= 24 ? 2000 : 300;
}
