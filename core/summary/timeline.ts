// How long the review took: the days between the header's dates, for the hover on them, the letter's summary panel,
// the folder summary's breakdown and the table. Pure; dates are the model's ISO dates (YYYY-MM-DD).
//
// The spans are facts, not a verdict on timeliness: Labor Code 4610.6(d) counts the review's 30 days (3 when
// expedited) from the receipt of the application and its supporting records, and the letter dates only the
// application. So nothing here calls a decision late.

/** The header dates a timeline reads, as the model's header (or a folder letter's) holds them: ISO values. */
export interface TimelineDates {
  urDenialDate?: { value: string };
  applicationReceived?: { value: string };
  dateAssigned?: { value: string };
  decisionDate?: { value: string };
}

export interface Timeline {
  /** Days from the utilization review's denial to the application for IMR. */
  urToApplication?: number;
  /** Days from the application to the case's assignment. */
  applicationToAssigned?: number;
  /** Days from the assignment to the decision. */
  assignedToDecision?: number;
  /** Days from the application to the decision: the review's turnaround. */
  applicationToDecision?: number;
}

const dayMs = 86_400_000;

/** The day number (days since 1970-01-01, UTC) of an ISO date, or undefined when the text is not one. */
function dayNumber(iso: string | undefined): number | undefined {
  if (iso === undefined || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return undefined;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  return Date.UTC(y, m - 1, d) / dayMs;
}

/** Days from one ISO date to another (negative when the second comes first); undefined when either is missing. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** The spans between a header's dates; none for a letter without a header. */
export function timelineOf(header: TimelineDates | undefined): Timeline {
  const spans: Timeline = {};
  if (!header) return spans;
  const set = (key: keyof Timeline, from: { value: string } | undefined, to: { value: string } | undefined) => {
    const days = daysBetween(from?.value, to?.value);
    if (days !== undefined) spans[key] = days;
  };
  set('urToApplication', header.urDenialDate, header.applicationReceived);
  set('applicationToAssigned', header.applicationReceived, header.dateAssigned);
  set('assignedToDecision', header.dateAssigned, header.decisionDate);
  set('applicationToDecision', header.applicationReceived, header.decisionDate);
  return spans;
}

/** "1 day", "31 days", "-3 days". */
const dayCount = (days: number) => `${days} day${Math.abs(days) === 1 ? '' : 's'}`;

/** "1 day", "31 days", "-3 days (out of order)": a negative span's dates are out of order (the date-order rule
 *  reports them). */
export function daysText(days: number): string {
  return days < 0 ? `${dayCount(days)} (out of order)` : dayCount(days);
}

/** "31 days from the application, 29 from the assignment": the summary panel's line; undefined without either. */
export function turnaroundText(t: Timeline): string | undefined {
  const fromApplication = t.applicationToDecision;
  const fromAssignment = t.assignedToDecision;
  if (fromApplication !== undefined && fromAssignment !== undefined && fromApplication >= 0 && fromAssignment >= 0) {
    return `${dayCount(fromApplication)} from the application, ${fromAssignment} from the assignment`;
  }
  const parts: string[] = [];
  if (fromApplication !== undefined) parts.push(`${dayCount(fromApplication)} from the application`);
  if (fromAssignment !== undefined) parts.push(`${dayCount(fromAssignment)} from the assignment`);
  if (parts.length === 0) return undefined;
  const outOfOrder = (fromApplication ?? 0) < 0 || (fromAssignment ?? 0) < 0;
  return `${parts.join(', ')}${outOfOrder ? ' (dates out of order)' : ''}`;
}

/**
 * What the law allows, in our words. Sources: ../shared/guidelines/FACTS.md ("Independent Medical Review": Labor Code
 * 4610.5 and 4610.6(d)); for the appeal, Labor Code 4610.6(h), whose "mailing" the Appeals Board read as service by
 * mail, 5 days added (Matute v. Los Angeles Unified School District, en banc, 2015:
 * https://law.justia.com/cases/california/workers-compensation-appeals-board/2015/adj984305-lbo-0377754.html), and
 * the Board's rule 10575(c), 30 days after service (https://www.dir.ca.gov/t8/10575.html).
 */
export const timelineRules = [
  '**What the law allows**',
  '',
  '- application for IMR: 30 days from the service of the UR decision (Labor Code 4610.5)',
  '- standard review: 30 days from the receipt of the application and its records; expedited: 3 days (Labor Code ' +
    "4610.6(d)). The letter does not date the records' receipt: these spans alone do not show a late review.",
  "- appeal to the Appeals Board: 30 days from the determination's service, 5 more when served by mail (Labor Code " +
    '4610.6(h); Matute v. LAUSD, WCAB en banc, 2015)',
].join('\n');

/** The groups of the folder summary's turnaround breakdown, in their order. */
export const turnaroundGroups = ['Within 30 days', '31–40 days', '41–60 days', 'Over 60 days', 'Dates out of order', 'Not stated'] as const;
export type TurnaroundGroup = (typeof turnaroundGroups)[number];

/** The turnaround group of a span from the application to the decision. */
export function turnaroundGroup(days: number | undefined): TurnaroundGroup {
  if (days === undefined) return 'Not stated';
  if (days < 0) return 'Dates out of order';
  if (days <= 30) return 'Within 30 days';
  if (days <= 40) return '31–40 days';
  if (days <= 60) return '41–60 days';
  return 'Over 60 days';
}
