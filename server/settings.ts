// The `imr` settings section as the server reads it: asked of the client per resource (workspace/configuration),
// or pushed by a client that cannot be asked (initializationOptions.imr, didChangeConfiguration's settings.imr).
import { isRuleSeverity, type RuleSeverity } from '../core/lint';

/** The `imr` settings section (VS Code: imr.rules, imr.workspacePdfs, imr.format.joinLines). */
export interface ImrSettings {
  rules: Record<string, RuleSeverity>;
  /** Whether Format Document joins the lines of each paragraph; default false. */
  joinLines: boolean;
  /** Whether symbol searches and hovers count the workspace's PDFs (read in the background); default true. */
  workspacePdfs: boolean;
}

/** The settings in a client's `imr` section; anything missing or of the wrong type is the default. */
export function readSettings(value: unknown): ImrSettings {
  const rules: Record<string, RuleSeverity> = {};
  const raw = value && typeof value === 'object' ? (value as { rules?: unknown }).rules : undefined;
  if (raw && typeof raw === 'object') {
    for (const [id, severity] of Object.entries(raw as Record<string, unknown>)) {
      if (isRuleSeverity(severity)) rules[id] = severity;
    }
  }
  const pdfs = value && typeof value === 'object' ? (value as { workspacePdfs?: unknown }).workspacePdfs : undefined;
  const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  const joinLines = format && typeof format === 'object' ? (format as { joinLines?: unknown }).joinLines === true : false;
  return { rules, workspacePdfs: pdfs !== false, joinLines };
}

/** The `imr` section inside a settings object (`{ imr: ... }`), or undefined when it has none. */
export function imrSectionOf(settings: unknown): unknown {
  return settings && typeof settings === 'object' && 'imr' in settings ? (settings as { imr: unknown }).imr : undefined;
}

/** What SettingsSource needs of the connection. */
export interface SettingsClient {
  /** Whether the client answers workspace/configuration (it announced the capability). */
  canBeAsked(): boolean;
  ask(scopeUri: string | undefined): Promise<unknown>;
  log(message: string): void;
}

/**
 * The settings for each document and for the window, asked once and kept until the settings change. A client that
 * leaves a request unanswered for `timeoutMs` is not asked again (each document would wait as long) until the next
 * change; meanwhile the settings are the pushed ones (the defaults unless the client pushed some). Otherwise such a
 * client would hold every check, formatting and code action of a document on a promise that never settles.
 */
export class SettingsSource {
  /** Settings pushed by clients that cannot be asked (no workspace/configuration). */
  private pushed: ImrSettings = readSettings(undefined);
  /** The settings of the window (no scope), for what concerns the whole workspace; read again after a change. */
  private window: Promise<ImrSettings> | undefined;
  private readonly byUri = new Map<string, Promise<ImrSettings>>();
  private unanswered = false;

  constructor(
    private readonly client: SettingsClient,
    private readonly timeoutMs: number,
  ) {}

  /** The settings of a resource (a document's or a folder's URI). */
  for(uri: string): Promise<ImrSettings> {
    if (!this.asks()) return Promise.resolve(this.pushed);
    let s = this.byUri.get(uri);
    if (!s) this.byUri.set(uri, (s = this.ask(uri)));
    return s;
  }

  /** The window's settings, for what concerns the whole workspace (imr.workspacePdfs). */
  forWorkspace(): Promise<ImrSettings> {
    if (!this.asks()) return Promise.resolve(this.pushed);
    return (this.window ??= this.ask(undefined));
  }

  /** The settings changed: `section` is the `imr` section the client pushed with the change, if it did. */
  changed(section: unknown): void {
    if (section !== undefined) this.pushed = readSettings(section);
    this.byUri.clear();
    this.window = undefined;
    // A client that left a settings request unanswered is asked again (it may have been busy).
    this.unanswered = false;
  }

  /** A document closed: its settings are asked again if it opens again. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Whether the settings are to be asked of the client (it can be asked, and has not left a request unanswered). */
  private asks(): boolean {
    return this.client.canBeAsked() && !this.unanswered;
  }

  private ask(scopeUri: string | undefined): Promise<ImrSettings> {
    const asked = this.client.ask(scopeUri).then(readSettings, (e: unknown) => {
      this.client.log(`Cannot read the imr settings: ${e instanceof Error ? e.message : String(e)}`);
      return readSettings(undefined);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<ImrSettings>((resolve) => {
      timer = setTimeout(() => {
        if (!this.unanswered) {
          this.unanswered = true;
          this.client.log(`The client did not answer workspace/configuration in ${this.timeoutMs} ms: using the default imr settings (or those it pushed) until the settings change.`);
        }
        resolve(this.pushed);
      }, this.timeoutMs);
      timer.unref?.();
    });
    return Promise.race([asked, timedOut]).finally(() => clearTimeout(timer));
  }
}
