// Reads what a rationale concludes about medical necessity, negation-aware, over the wordings of real
// letters: "is not medically necessary", "is determined to not be medically necessary", "cannot be
// considered medically necessary", "is not-medically necessary", "is medically necessary and
// appropriate", "a medical necessity", "medical necessity has not been established".
import type { Conclusion } from '../model';

export interface ConclusionMatch {
  conclusion: Conclusion;
  /** [from, to) in the searched text: the clause the conclusion was read from. */
  from: number;
  to: number;
  /** [phraseFrom, phraseTo): the words within it that conclude, a negation included ("cannot be considered
   *  medically necessary", "medical necessity has not been established"). */
  phraseFrom: number;
  phraseTo: number;
}

interface Reading {
  conclusion: Conclusion;
  from: number;
  to: number;
}

// The adjective forms, and the noun form "medical necessity".
const KEYWORD_RE = /\bmedically[- ](?:necessary|appropriate|indicated|warranted|reasonable)\b|\bmedical[- ]necessity\b|\bnecessary\b/gi;

// Words that may stand between a negation and the keyword: "not be considered", "not supported ... as being".
const CHAIN =
  '(?:(?:be|been|being|is|are|was|were|considered|deemed|determined|found|established|supported|substantiated|shown|proven|demonstrated|felt|judged|regarded|viewed|seen|appear|appears|seem|seems|currently|presently|at|this|time|yet|fully|clearly|reasonably|recommended|indicated|and|or|to|as|a|the|request|therefore|thus|however|medically|appropriate)[ ,-]+){0,6}';
const NEGATED_BEFORE_RE = new RegExp(`(?:\\bnot|\\bcannot|\\bcan not|n't|\\bnever|\\bno longer|\\bneither|\\bnon)[ ,-]+${CHAIN}$`, 'i');
// "not supported by the provided records as being medically necessary".
const NEGATED_LOOSE_RE = /\bnot (?:supported|established|shown|substantiated|demonstrated|deemed|considered)\b[^.;:]{0,70}\bas (?:being )?$/i;
const COPULA_BEFORE_RE = new RegExp(`\\b(?:is|are|was|were|be|been|being|as|deemed|considered|found)[ ,]+${CHAIN}$`, 'i');
const CONDITIONAL_BEFORE_RE = /\b(?:if|when|where|whether|unless|until)[ ]+(?:(?:medically|clinically|deemed)[ ]+)?$/i;
// After the noun: "... has not been established", "... is not supported".
const NOUN_NEGATED_AFTER_RE =
  /^(?: (?:of|for) [^.;:]{0,80}?)? (?:has|have|had|is|are|was|were|could|can|would)(?: not|n't)(?: (?:yet|been|be|fully|clearly|sufficiently|adequately))* (?:established|substantiated|demonstrated|supported|shown|met|documented|confirmed|proven|justified)\b/i;
const NOUN_POSITIVE_AFTER_RE =
  /^(?: (?:of|for) [^.;:]{0,80}?)? (?:has|have|is|are|was|were)(?: (?:been|fully|clearly|sufficiently|adequately))* (?:established|substantiated|demonstrated|supported|shown|met|documented|confirmed|proven|justified)\b/i;
const NOUN_NEGATED_BEFORE_RE = /\b(?:not|cannot|can not|n't|no longer|fails? to|failed to|unable to)\b[ ]+(?:(?:be|been|establish|establishes|established|support|supports|supported|demonstrate|demonstrates|substantiate|substantiates|confirm|show|considered|deemed|a|the|as|to)[ ]+){0,4}$/i;
const NOUN_POSITIVE_BEFORE_RE = /\b(?:is|are|was|were|be|establish(?:es|ed)?|support(?:s|ed)?|demonstrates?|substantiates?|confirms?)[ ]+(?:(?:a|the|considered|deemed|as|to be)[ ]+){0,3}$/i;

/** The conclusion of the last clause that speaks of medical necessity, or 'unclear' when none does. */
export function readConclusion(text: string): ConclusionMatch {
  // The keywords are read from the last one back: the last that concludes anything decides, and the
  // look-behind expressions of readAt are the costly part.
  const keywords: number[] = [];
  const lengths: number[] = [];
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(text); m; m = KEYWORD_RE.exec(text)) {
    keywords.push(m.index);
    lengths.push(m[0].length);
  }
  for (let k = keywords.length - 1; k >= 0; k--) {
    const at = keywords[k];
    const end = at + lengths[k];
    const reading = readAt(text, at, text.slice(at, end));
    if (reading)
      return {
        conclusion: reading.conclusion,
        from: clauseStartBefore(text, at),
        to: clauseEndAfter(text, end),
        phraseFrom: reading.from,
        phraseTo: reading.to,
      };
  }
  return { conclusion: 'unclear', from: 0, to: 0, phraseFrom: 0, phraseTo: 0 };
}

/** The conclusion stated at a keyword and the words that state it, or undefined when the keyword concludes nothing there. */
function readAt(text: string, at: number, keyword: string): Reading | undefined {
  const beforeFrom = Math.max(0, at - 140);
  const before = text.slice(beforeFrom, at);
  const end = at + keyword.length;
  const after = text.slice(end, end + 160);
  const negative = (m: RegExpExecArray | null, fromBefore: boolean): Reading | undefined =>
    m ? { conclusion: 'not-medically-necessary', from: fromBefore ? beforeFrom + m.index : at, to: fromBefore ? end : end + m[0].length } : undefined;
  const positive: Reading = { conclusion: 'medically-necessary', from: at, to: end };
  if (/necessity$/i.test(keyword)) {
    const negated = negative(NOUN_NEGATED_AFTER_RE.exec(after), false) ?? negative(NOUN_NEGATED_BEFORE_RE.exec(before), true);
    if (negated) return negated;
    if (NOUN_POSITIVE_AFTER_RE.test(after) || NOUN_POSITIVE_BEFORE_RE.test(before)) return positive;
    return undefined;
  }
  // "medically necessary to ...", "necessary for ...": a purpose, not a verdict.
  if (/^ (?:to|for|in order)\b/i.test(after) && !/^ for (?:this|the) (?:patient|injured worker|claimant|applicant)\b/i.test(after))
    return undefined;
  const negated = negative(NEGATED_BEFORE_RE.exec(before), true) ?? negative(NEGATED_LOOSE_RE.exec(before), true);
  if (negated) return negated;
  if (CONDITIONAL_BEFORE_RE.test(before)) return undefined;
  const bare = /^necessary$/i.test(keyword);
  if (COPULA_BEFORE_RE.test(before)) return positive;
  // A bare "necessary" must follow a verb to be a verdict ("the request is necessary").
  return bare ? undefined : positive;
}

function clauseStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    // '.' ends a sentence unless it belongs to a number or an abbreviation ("e.g.", "mg.", "Dr."). After a number it
    // ends one when a capital follows ("... page 607. Therefore", "... in 03/2016. The request"), not before a
    // lower-case word ("5 mg. daily", "the 2. level").
    if (
      ch === 46 /* . */ &&
      (i + 1 >= text.length || text.charCodeAt(i + 1) === 32) &&
      !/(?:\b[a-z]|e\.g|i\.e|vs|Dr|No)$/i.test(text.slice(Math.max(0, i - 4), i)) &&
      !(i > 0 && isDigit(text.charCodeAt(i - 1)) && !isUpperAscii(text.charCodeAt(skipSpace(text, i + 1))))
    )
      return skipSpace(text, i + 1);
    if (ch === 59 /* ; */ || ch === 33 /* ! */ || ch === 63 /* ? */) return skipSpace(text, i + 1);
    // A quotation ending a sentence: '... causes of pain." The request is ...'.
    if ((ch === 34 /* " */ || ch === 0x201d /* ” */) && i > 0 && /[.!?]/.test(text[i - 1]) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32)) return skipSpace(text, i + 1);
  }
  return 0;
}

function clauseEndAfter(text: string, at: number): number {
  const m = /[.;!?](?= |$)/.exec(text.slice(at));
  return m ? at + m.index + 1 : text.length;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}
