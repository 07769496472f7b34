// The worker thread's side of the pipeline: analyses each batch of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Severity } from './args';
import { analyse } from './analyse';
import type { FromWorker, ToWorker, WorkerData } from './pipeline';

export function isPipelineWorker(data: unknown): data is WorkerData {
  return typeof data === 'object' && data !== null && (data as WorkerData).role === 'imr-letters-worker';
}

export function runWorker(): void {
  const port = parentPort;
  if (!port || !isPipelineWorker(workerData)) throw new Error('runWorker() outside a pipeline worker');
  const { task } = workerData;
  const rulesById = new Map<number, Record<string, Severity>>();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'rules') {
      rulesById.set(m.id, m.rules);
      return;
    }
    const reply: FromWorker = {
      type: 'results',
      results: m.jobs.map((job) => ({ seq: job.seq, outcome: analyse(task, job.file, rulesById.get(job.rulesId) ?? {}) })),
    };
    port.postMessage(reply);
  });
}
