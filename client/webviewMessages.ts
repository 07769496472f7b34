// The messages a summary webview may send; anything else is ignored (the page is not trusted input).
import type { ExportFormat } from './exportFormats';
import { isExportFormat } from './exportFormats';
import type { BreakdownId, DecisionFilter, SortColumn } from '../core/summary/folderStats';
import { breakdownIds, decisionFilters, sortColumns } from '../core/summary/folderStats';

export type WebviewMessage =
  | { type: 'ready' }
  /** A row of the letter summary: the item's index in the letter. */
  | { type: 'reveal'; index: number }
  /** A row of the folder summary: its position in the table. */
  | { type: 'reveal'; row: number }
  | { type: 'export'; format: ExportFormat }
  /** The folder summary's filter: what changed of it (a group's key null: that breakdown's filter removed). */
  | { type: 'filter'; text?: string; decision?: DecisionFilter; group?: { by: BreakdownId; key: string | null } }
  | { type: 'clearFilter' }
  /** The folder summary: show the next page of items. */
  | { type: 'more' }
  /** The folder summary: read the folder's letters again. */
  | { type: 'refresh' }
  /**
   * The folder summary: sort the items by a column, the way given; without one (a header's click), ascending, then
   * descending, then back to file order. A null column: file order.
   */
  | { type: 'sort'; column: SortColumn | null; descending?: boolean };

/** Longer than any filter typed or any group key (a service name) the page offers. */
const maxTextLength = 1000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= maxTextLength;
const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

function parseFilter(m: Record<string, unknown>): WebviewMessage | undefined {
  const message: Extract<WebviewMessage, { type: 'filter' }> = { type: 'filter' };
  if (m.text !== undefined) {
    if (!isText(m.text)) return undefined;
    message.text = m.text;
  }
  if (m.decision !== undefined) {
    if (!isOneOf(decisionFilters, m.decision)) return undefined;
    message.decision = m.decision;
  }
  if (m.group !== undefined) {
    const g = m.group as Record<string, unknown> | null;
    if (typeof g !== 'object' || g === null || !isOneOf(breakdownIds, g.by) || !(g.key === null || isText(g.key))) return undefined;
    message.group = { by: g.by, key: g.key };
  }
  return message;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1_000_000;

export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      // (`+ 0` makes a -0, which passes as a count, the 0 it means.)
      if (isCount(m.index) && m.row === undefined) return { type: 'reveal', index: m.index + 0 };
      if (isCount(m.row) && m.index === undefined) return { type: 'reveal', row: m.row + 0 };
      return undefined;
    case 'export':
      return isExportFormat(m.format) ? { type: 'export', format: m.format } : undefined;
    case 'filter':
      return parseFilter(m);
    case 'clearFilter':
      return { type: 'clearFilter' };
    case 'more':
      return { type: 'more' };
    case 'refresh':
      return { type: 'refresh' };
    case 'sort': {
      if (!(m.column === null || isOneOf(sortColumns, m.column))) return undefined;
      if (m.descending === undefined) return { type: 'sort', column: m.column };
      return typeof m.descending === 'boolean' ? { type: 'sort', column: m.column, descending: m.descending } : undefined;
    }
    default:
      return undefined;
  }
}
