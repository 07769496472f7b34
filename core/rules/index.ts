// The single list of lint rules, read by the linter, the server, the CLI and the docs test.
import { associatedServiceConflict } from './associatedServiceConflict';
import { bodyPartMismatch } from './bodyPartMismatch';
import { lateralityMismatch } from './lateralityMismatch';
import { citationPageMismatch } from './citationPageMismatch';
import { dateOfInjuryMismatch } from './dateOfInjuryMismatch';
import { dateOrder } from './dateOrder';
import { decisionRationaleConflict } from './decisionRationaleConflict';
import { duplicateItem } from './duplicateItem';
import { missingClaimsAdministratorGuideline } from './missingClaimsAdministratorGuideline';
import { missingGuideline } from './missingGuideline';
import { missingRationale } from './missingRationale';
import { missingSection } from './missingSection';
import { noDisputedItems } from './noDisputedItems';
import { partialAuthorizationMismatch } from './partialAuthorizationMismatch';
import type { Rule } from './rule';
import { supersededGuideline } from './supersededGuideline';
import { uncitedDecision } from './uncitedDecision';
import { unresolvedCitation } from './unresolvedCitation';
import { unknownDecision } from './unknownDecision';
import { unrecognisedText } from './unrecognisedText';

export const allRules: readonly Rule[] = [
  missingSection,
  noDisputedItems,
  unknownDecision,
  missingRationale,
  missingGuideline,
  uncitedDecision,
  missingClaimsAdministratorGuideline,
  decisionRationaleConflict,
  duplicateItem,
  associatedServiceConflict,
  partialAuthorizationMismatch,
  dateOrder,
  dateOfInjuryMismatch,
  bodyPartMismatch,
  lateralityMismatch,
  citationPageMismatch,
  supersededGuideline,
  unresolvedCitation,
  unrecognisedText,
];
