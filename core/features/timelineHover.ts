// The hover on the header's dates and priority: the days between the UR denial, the application, the assignment and
// the decision (core/summary/timeline.ts), and what the statute allows.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { CaseHeader, Field, Position } from '../model';
import { escapeMarkdown } from '../text/markdown';
import { daysText, timelineOf, timelineRules } from '../summary/timeline';
import { touches } from './letterDocument';

/** The header fields the timeline hover answers on. */
const timelineFields = ['urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate', 'priority'] as const;

export function timelineHover(header: CaseHeader | undefined, position: Position): Hover | null {
  const hovered = header && timelineFields.map((key) => header[key]).find((f) => f !== undefined && touches(f.range, position));
  if (!header || !hovered) return null;
  const t = timelineOf(header);
  const written = (f: Field | undefined) => (f ? ` ${escapeMarkdown(f.text)}` : '');
  const steps: string[] = [];
  const step = (days: number | undefined, text: string, strong = false) => {
    if (days === undefined) return;
    steps.push(strong ? `- **${text}: ${daysText(days)}**` : `- ${text}: ${daysText(days)}`);
  };
  step(t.urToApplication, `UR denial${written(header.urDenialDate)} to application for IMR${written(header.applicationReceived)}`);
  step(t.applicationToAssigned, `application to case assigned${written(header.dateAssigned)}`);
  step(t.assignedToDecision, `assignment to decision${written(header.decisionDate)}`);
  step(t.applicationToDecision, 'application to decision', true);
  const priority = header.priority ? ` (${escapeMarkdown(header.priority.text.trim())} review)` : '';
  const value = [`**The review's timeline**${priority}`, steps.length > 0 ? steps.join('\n') : 'The letter gives too few of its dates to count the days.', timelineRules].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: hovered.range };
}
