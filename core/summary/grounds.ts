// How the grounds a rationale gives (core/parser/grounds.ts) are named and ordered wherever they are shown.
import type { GroundKind } from '../model';

/** Against the request first, in the order the folder summary lists them when they tie, then for it. */
export const groundKinds: readonly GroundKind[] = [
  'no-functional-improvement',
  'no-red-flags',
  'conservative-care-not-tried',
  'medication-monitoring',
  'beyond-guideline-limits',
  'request-unspecified',
  'not-recommended',
  'no-rationale-given',
  'no-exceptional-factors',
  'surgery-not-necessary',
  'functional-improvement',
  'red-flags-present',
  'conservative-care-failed',
  'within-guideline-limits',
  'criteria-met',
  'surgery-necessary',
];

/** The grounds for the request: groundKinds lists them after those against it, from functional improvement on. */
const forRequest: ReadonlySet<GroundKind> = new Set(groundKinds.slice(groundKinds.indexOf('functional-improvement')));

/** Which way a ground points: against the request (with the denial) or for it. */
export function groundSide(kind: GroundKind): 'against' | 'for' {
  return forRequest.has(kind) ? 'for' : 'against';
}

export const groundLabels: Record<GroundKind, string> = {
  'no-functional-improvement': 'No documented functional improvement',
  'no-red-flags': 'No red flags, neurological deficit or surgery in view',
  'conservative-care-not-tried': 'Conservative or first-line care not shown to have failed',
  'medication-monitoring': 'Medication monitoring not documented (drug screens, CURES)',
  'beyond-guideline-limits': "Beyond the guideline's number or duration",
  'request-unspecified': 'Quantity, frequency or duration not specified',
  'not-recommended': 'Not recommended by the guideline',
  'no-rationale-given': 'No rationale given for the request',
  'no-exceptional-factors': 'No exceptional factors to depart from the guideline',
  'functional-improvement': 'Functional improvement documented',
  'red-flags-present': 'Red flags or neurological findings documented',
  'conservative-care-failed': 'Conservative or first-line care tried and failed',
  'within-guideline-limits': "Within the guideline's number or duration",
  'criteria-met': "The guideline's criteria met",
  'surgery-not-necessary': 'The surgery it goes with not medically necessary',
  'surgery-necessary': 'The surgery it goes with medically necessary',
};

/** The folder summary's group of an item none of whose grounds is read. */
export const noGroundRead = 'None of these read';

export function groundLabel(kind: GroundKind): string {
  return groundLabels[kind] ?? kind;
}
