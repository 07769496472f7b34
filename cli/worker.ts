// The worker thread's side of the pipeline: analyses each batch of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Severity } from './args';
import { analyse } from './analyse';
import type { Outcome } from './analyse';
import type { FromWorker, ToWorker, WorkerData } from './pipeline';

export function isPipelineWorker(data: unknown): data is WorkerData {
  return typeof data === 'object' && data !== null && (data as WorkerData).role === 'imr-letters-worker';
}

export function runWorker(): void {
  const port = parentPort;
  if (!port || !isPipelineWorker(workerData)) throw new Error('runWorker() outside a pipeline worker');
  const { task, columns } = workerData;
  const rulesById = new Map<number, Record<string, Severity>>();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'rules') {
      rulesById.set(m.id, m.rules);
      return;
    }
    const outcomes = m.jobs.map((job) => analyse(task, job.file, { rules: rulesById.get(job.rulesId) ?? {}, columns }));
    const reply = (settled: readonly Outcome[]) => {
      const message: FromWorker = { type: 'results', results: m.jobs.map((job, i) => ({ seq: job.seq, outcome: settled[i] })) };
      port.postMessage(message);
    };
    // Only a PDF's outcome is a promise; a batch of text letters is answered at once. Every batch gets its answer
    // (the pipeline waits for it): a reading that failed anyway loses its file, not the run.
    if (outcomes.some((o) => o instanceof Promise)) {
      const settled = outcomes.map((o) =>
        Promise.resolve(o).catch((e: unknown): Outcome => ({ kind: 'bad', reason: `internal error, please report it: ${String(e)}` })),
      );
      void Promise.all(settled).then(reply);
    } else reply(outcomes as Outcome[]);
  });
}
