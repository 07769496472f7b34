// The messages a summary webview may send; anything else is ignored (the page is not trusted input).
import type { ExportFormat } from './exportFormats';
import { isExportFormat } from './exportFormats';

export type WebviewMessage =
  | { type: 'ready' }
  /** A row of the letter summary: the item's index in the letter. */
  | { type: 'reveal'; index: number }
  /** A row of the folder summary: its position in the table. */
  | { type: 'reveal'; row: number }
  | { type: 'export'; format: ExportFormat };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1_000_000;

export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      if (isCount(m.index) && m.row === undefined) return { type: 'reveal', index: m.index };
      if (isCount(m.row) && m.index === undefined) return { type: 'reveal', row: m.row };
      return undefined;
    case 'export':
      return isExportFormat(m.format) ? { type: 'export', format: m.format } : undefined;
    default:
      return undefined;
  }
}
