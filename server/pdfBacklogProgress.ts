// The work-done progress the server shows while the workspace's PDFs are read in the background
// ("IMR: reading the workspace's PDF letters: 120 of 600 PDFs"), shown only once a round lasts.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

interface Backlog {
  read: number;
  left: number;
}

const message = ({ read, left }: Backlog) => `${read.toLocaleString('en-US')} of ${(read + left).toLocaleString('en-US')} PDFs`;
const percent = ({ read, left }: Backlog) => Math.floor((100 * read) / Math.max(1, read + left));

/** A round of a PDF or two is over before anyone could read a progress bar: the bar shows after this long. */
const showAfterMs = 500;
/** At most ten reports a second. */
const reportEveryMs = 100;

export class PdfBacklogProgress {
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reportedAt = 0;
  /** The backlog as last reported (the round's first report counts the first PDF queued alone). */
  private now: Backlog = { read: 0, left: 0 };

  /**
   * @param create the connection's `window.createWorkDoneProgress`
   * @param unread how many PDFs are queued now (the index reports each PDF read, not each one queued)
   */
  constructor(
    private readonly create: () => Promise<WorkDoneProgressServerReporter>,
    private readonly unread: () => number,
  ) {}

  /** The index read a PDF: `read` so far this round, `left` to read. */
  update(read: number, left: number): void {
    this.now = { read, left };
    if (left === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.progress?.then((r) => r?.done());
      this.progress = undefined;
      return;
    }
    if (!this.progress && !this.timer) {
      this.timer = setTimeout(() => this.begin(), showAfterMs);
      this.timer.unref?.();
      return;
    }
    if (!this.progress || performance.now() - this.reportedAt < reportEveryMs) return;
    this.reportedAt = performance.now();
    const backlog = this.now;
    void this.progress.then((r) => r?.report(percent(backlog), message(backlog)));
  }

  private begin(): void {
    this.timer = undefined;
    // The round as it stands now: more PDFs were queued, and maybe some read, since it began.
    const now = { read: this.now.read, left: this.unread() };
    this.reportedAt = performance.now();
    this.progress = this.create().then(
      (r) => (r.begin('IMR: reading the workspace\'s PDF letters', percent(now), message(now), false), r),
      () => undefined,
    );
  }
}
