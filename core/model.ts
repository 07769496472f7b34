// The letter model: what the parser reads out of an IMR Final Determination letter.
// Every range is an LSP range (0-based line, UTF-16 character), end exclusive.
import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** A value read from the letter, the text it was read from, and where that text is. */
export interface Field<T = string> {
  value: T;
  /** The text as written in the letter (may span wrapped lines, collapsed to single spaces). */
  text: string;
  range: Range;
}

export type Decision = 'Upheld' | 'Overturned';

/** What the rationale concludes about medical necessity. */
export type Conclusion = 'medically-necessary' | 'not-medically-necessary' | 'unclear';

/**
 * A ground a rationale gives for its decision, read from its wording (core/parser/grounds.ts): against the request
 * (no documented functional improvement, no red flags, conservative care not shown to have failed, medication
 * monitoring not documented, beyond the guideline's limits, the request unspecified, not recommended, no rationale
 * given for the request, no exceptional factors to depart from the guideline, the surgery it
 * goes with not medically necessary) or for it (functional improvement documented, red flags or neurological findings
 * documented, conservative care tried and failed, within the guideline's limits, the guideline's criteria met, the
 * surgery medically necessary).
 */
export type GroundKind =
  | 'no-functional-improvement'
  | 'no-red-flags'
  | 'conservative-care-not-tried'
  | 'medication-monitoring'
  | 'beyond-guideline-limits'
  | 'request-unspecified'
  | 'not-recommended'
  | 'no-rationale-given'
  | 'no-exceptional-factors'
  | 'surgery-not-necessary'
  | 'functional-improvement'
  | 'red-flags-present'
  | 'conservative-care-failed'
  | 'within-guideline-limits'
  | 'criteria-met'
  | 'surgery-necessary';

export type SectionKind =
  | 'how-made' // HOW THE IMR FINAL DETERMINATION WAS MADE
  | 'clinical-summary' // CLINICAL CASE SUMMARY
  | 'issues' // IMR ISSUES, DECISIONS AND RATIONALES / IMR DECISION(S) AND RATIONALE(S)
  | 'documents-reviewed'; // DOCUMENTS REVIEWED (2013 template)

export interface Section {
  kind: SectionKind;
  /** The heading as written. */
  heading: string;
  headingRange: Range;
  /** From the heading to the last non-blank character before the next section (or the end). */
  range: Range;
}

/** The header table of newer letters; each field is present only when found. Dates are ISO (YYYY-MM-DD). */
export interface CaseHeader {
  range: Range;
  caseNumber?: Field;
  dateAssigned?: Field;
  dateOfInjury?: Field;
  decisionDate?: Field;
  urDenialDate?: Field;
  priority?: Field;
  applicationReceived?: Field;
}

export interface Reviewer {
  /** 'inline': "The expert reviewer is Board Certified in X and is licensed to practice in Y";
   *  'block': "State(s) of Licensure: ..." / "Certification(s)/Specialty: ...". */
  form: 'inline' | 'block';
  range: Range;
  licensure: Field<string[]>;
  specialties: Field<string[]>;
}

/** Facts stated in the clinical case summary. */
export interface PatientFacts {
  age?: Field<number>;
  sex?: Field<'male' | 'female'>;
  /** ISO date. */
  dateOfInjury?: Field;
}

export type ParagraphKind = 'claims-administrator-guideline' | 'maximus-guideline' | 'decision-rationale';

/** One of the three labelled paragraphs of a disputed item. */
export interface LabelledParagraph {
  kind: ParagraphKind;
  /** The label as written, e.g. "MAXIMUS guideline:" (collapsed onto one line where it wraps, as a Medical Professional Review's do). */
  label: string;
  labelRange: Range;
  /** The paragraph's text after the label, collapsed onto one line (empty when the paragraph is empty). */
  text: string;
  /** Range of the text after the label; absent when empty. */
  textRange?: Range;
  /** From the label through the end of the text. */
  range: Range;
}

export interface PageRange {
  from: number;
  to: number;
}

/** A citation of a guideline or source inside a guideline paragraph. */
export interface GuidelineCitation {
  /** 'mtus': "Decision based on MTUS ..."; 'non-mtus': "Decision based on Non-MTUS Citation ...". */
  kind: 'mtus' | 'non-mtus';
  /** The citation as written, collapsed onto one line. */
  text: string;
  range: Range;
  /** Which body the citation names. */
  source: 'MTUS' | 'ODG' | 'ACOEM' | 'article' | 'url' | 'other';
  /** Guideline name as written, e.g. "Chronic Pain Medical Treatment", "Low Back Complaints", "Chronic Pain Treatment Guidelines". */
  guideline?: string;
  /** Year or edition as written: "2004", "2016", "3rd ed.", "Effective July 18, 2009". */
  edition?: string;
  chapter?: { number?: number; title?: string };
  /** Topics from "Section(s): a, b" or the topic words of a Page(s) citation. */
  sections?: string[];
  /** Parsed "Page(s): 114-116, 98". */
  pages?: PageRange[];
  /** The pages as written. */
  pagesText?: string;
  /** A URL, joined across line breaks. */
  url?: Field;
}

export type CitationStatementKind = 'no-medical-evidence' | 'not-based-on-mtus' | 'outside-mtus';

/** A statement about the basis of a decision instead of (or beside) a citation. */
export interface CitationStatement {
  kind: CitationStatementKind;
  text: string;
  range: Range;
}

/** A guideline paragraph with its parsed citations. */
export interface GuidelineParagraph extends LabelledParagraph {
  citations: GuidelineCitation[];
  statements: CitationStatement[];
}

export interface PartialAuthorization {
  originalRequest: string;
  authorized?: string;
  /** The remaining IMR-eligible portion: the item's service. */
  remaining: string;
  /** Where each part is written in the title. */
  ranges: { originalRequest: Range; authorized?: Range; remaining: Range };
}

export interface DisputedItem {
  /** 0-based position in the letter. */
  index: number;
  /** 'numbered': read from a 2013 letter's numbered decision sentence, which has no labelled paragraphs;
   *  'review': the one item of a Medical Professional Review, read from its headings (no claims administrator's
   *  paragraph, and no decision word: the decision is the rationale's conclusion). */
  form?: 'labelled' | 'numbered' | 'review';
  /** The whole item: from the title through the end of its rationale. */
  range: Range;
  /** The full title, collapsed onto one line, without the decision. Range covers the title as written (all its lines). */
  title: Field;
  /** The ranges of each title line as written. */
  titleLines: Range[];
  /** A short name of the service: for partial authorizations the remaining IMR-eligible portion. */
  service: string;
  partial?: PartialAuthorization;
  retrospective: boolean;
  /** ISO date of service, from "(DOS 11/18/16)" and similar. */
  dateOfService?: Field;
  /** The decision word as written and its range; absent when the title has no decision. */
  decisionText?: Field;
  /** The normalised decision; undefined when the word is neither Upheld nor Overturned. */
  decision?: Decision;
  claimsAdministratorGuideline?: GuidelineParagraph;
  maximusGuideline?: GuidelineParagraph;
  rationale?: LabelledParagraph;
  /** What the rationale concludes, read negation-aware; 'unclear' when there is no rationale. */
  conclusion: Conclusion;
  /** The sentence fragment the conclusion was read from. */
  conclusionRange?: Range;
  /** The words within it that conclude, a negation included ("is not medically necessary": "not medically necessary"). */
  conclusionPhrase?: Range;
  /** The rationale's words that decide this item by a surgery's fate ("As the requested surgical intervention is
   *  not medically necessary"), and which way they say the surgery went; read only below an item deciding a surgery. */
  surgeryDependence?: { range: Range; necessary: boolean };
  /** The surgery this item goes with, decided above it in the same letter (core/parser/surgery.ts). */
  surgery?: SurgeryLink;
}

/** What ties an item to a surgery: its title ("Associated surgical service: ...", a pre- or post-operative
 *  service: a clearance, an assistant, post-operative therapy) or its rationale's words. */
export type SurgeryBasis = 'associated' | 'pre-operative' | 'post-operative' | 'rationale';

export interface SurgeryLink {
  /** The index of the item that decides the surgery. */
  item: number;
  basis: SurgeryBasis;
}

export type ProblemCode =
  | 'not-a-letter'
  | 'unrecognised-item'
  | 'missing-decision'
  | 'stray-text'
  | 'legacy-template'
  | 'unreadable';

/** Something the parser could not recognise, and where. */
export interface ParseProblem {
  code: ProblemCode;
  message: string;
  range: Range;
}

export type Template = 'final-determination' | 'notice-2013' | 'professional-review' | 'unknown';

export interface LetterModel {
  /** Whether the text looks like an IMR letter at all (detected by content). */
  isLetter: boolean;
  template: Template;
  lineCount: number;
  header?: CaseHeader;
  reviewer?: Reviewer;
  sections: Section[];
  patient: PatientFacts;
  items: DisputedItem[];
  problems: ParseProblem[];
}

/**
 * What a folder summary shows of a letter: the server's `imr/folderSummary` sends this for each letter of a folder
 * rather than the whole model (a third of its size), so that a folder of thousands of letters is not hundreds of
 * megabytes of JSON. Built by `folderLetterOf` (core/folderLetter.ts); a LetterModel is one too.
 */
export interface FolderLetter {
  isLetter: boolean;
  header?: {
    caseNumber?: ValueOf<string>;
    dateAssigned?: ValueOf<string>;
    dateOfInjury?: ValueOf<string>;
    decisionDate?: ValueOf<string>;
    urDenialDate?: ValueOf<string>;
    applicationReceived?: ValueOf<string>;
    priority?: ValueOf<string>;
  };
  patient: { age?: ValueOf<number>; sex?: ValueOf<'male' | 'female'>; dateOfInjury?: ValueOf<string> };
  reviewer?: { licensure: ValueOf<string[]>; specialties: ValueOf<string[]> };
  items: FolderItem[];
}

export interface ValueOf<T> {
  value: T;
}

export interface FolderItem {
  index: number;
  /** The item's layout (DisputedItem.form); folderLetterOf gives it only for items not in the labelled one. */
  form?: 'labelled' | 'numbered' | 'review';
  service: string;
  title: { value: string; range: Range };
  /** The first title line only. */
  titleLines: Range[];
  decision?: Decision;
  decisionText?: ValueOf<string>;
  /** A partial authorization's original request and authorized part (the service is the remaining portion). */
  partial?: { originalRequest: string; authorized?: string };
  /** A retrospective request (for a service already given), and its date of service (ISO) when the title gives it. */
  retrospective?: boolean;
  dateOfService?: { value: string };
  /** The surgery the item goes with (DisputedItem.surgery). */
  surgery?: SurgeryLink;
  /** What kind of service it is, whatever its quantity, dose, side or word order (core/text/serviceWords.ts):
   *  folderLetterOf gives it, so that a folder's thousands of items are not read again by each client. */
  serviceKind?: string;
  conclusion: Conclusion;
  maximusGuideline?: {
    text: string;
    citations: Pick<GuidelineCitation, 'text' | 'source'>[];
    statements: { text: string }[];
    /**
     * The guideline sections its citations resolve to in the knowledge base ("MTUS Chronic Pain: Opioids"), as
     * folderLetterOf gives them (a letter's model, which the client also summarises, has none).
     */
    sections?: string[];
  };
  /** The claims administrator's citations, only as far as the summaries count them (their kinds). */
  claimsAdministratorGuideline?: { citations: Pick<GuidelineCitation, 'source'>[] };
  /** The grounds its rationale gives (core/parser/grounds.ts), read from the whole rationale by folderLetterOf. */
  grounds?: GroundKind[];
  /** Its first `folderRationaleChars` characters, whitespace runs counted once: enough for its first sentence as the summary shows it. */
  rationale?: { text: string };
  /** The ids of the lint rules that find a problem in it, each rule on (folderLetterOf): the folder summary leaves out
   *  those the folder's settings turn off, `imr-letters summary` those its configuration does. */
  checks?: string[];
}

/** What a check of a folder's letters found (the server's `imr/checkFolder`; each letter's diagnostics are published). */
export interface FolderCheckResult {
  /** Letter files found (by name: .txt, .imr, .pdf). */
  files: number;
  /** Of those, letters (the others: notes, PDFs without a letter's text, unreadable files). */
  letters: number;
  /** Letters with at least one diagnostic. */
  lettersWithProblems: number;
  /** Diagnostics by severity. */
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Letters open in the editor: counted with the diagnostics of their text as it is there. */
  open: number;
  /** Files that could not be read as text (binary, another encoding, too large, a PDF without text): each is logged. */
  unreadable: number;
}
