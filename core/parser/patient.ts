// Reads the patient's age, sex and date of injury from the clinical case summary, when it states them.
import type { PatientFacts } from '../model';
import { CollapsedText } from '../text/collapse';
import { DATE_PATTERN, toIsoDate } from '../text/dates';
import type { LineIndex } from '../text/lines';

// Both patterns open with literal text, which the regular expression engine scans for quickly.
const AGE_SEX_RE = /(?:year|yr)s?[- ]old,? (male|female|man|woman|gentleman|lady|gentlemen|boy|girl)?/i;
// "an industrial injury on 10-25-2016", "date of injury: ...", and the summaries that say "a history of an
// occupational claim from 10/23/2016" (a date a line break may split: "10/14/ 2016").
const INJURY_RE = new RegExp(
  `injur(?:y|ies)(?: date)? (?:of|on|dated|that occurred on)? ?(${DATE_PATTERN})|injury(?: of| was|:)? ?(${DATE_PATTERN})|claim (?:from|of|on|dated) (${DATE_PATTERN})`,
  'i',
);
// "The injured worker is a female who sustained ...": the sex without an age.
const SEX_RE = /\b(?:injured worker|patient|claimant|applicant|employee) (?:is|was) an? (male|female|man|woman)\b/i;

export function parsePatient(doc: LineIndex, start: number, end: number): PatientFacts {
  const facts: PatientFacts = {};
  if (end <= start) return facts;
  // The facts sit in the summary's opening sentences; reading only those keeps long summaries cheap.
  const c = new CollapsedText(doc, start, Math.min(end, start + 4000));
  const age = AGE_SEX_RE.exec(c.text);
  const digits = age ? /(\d{1,3})[- ]?$/.exec(c.text.slice(Math.max(0, age.index - 4), age.index)) : null;
  if (age && digits) {
    const years = Number(digits[1]);
    const ageStart = age.index - (digits[0].length);
    if (years > 0 && years < 120) {
      const text = digits[1];
      facts.age = { value: years, text, range: c.range(ageStart, ageStart + text.length) };
    }
    if (age[1]) facts.sex = sexAtEnd(c, age);
  }
  if (!facts.sex) {
    const sex = SEX_RE.exec(c.text);
    if (sex) facts.sex = sexAtEnd(c, sex);
  }
  const injury = INJURY_RE.exec(c.text);
  if (injury) {
    const written = injury[1] ?? injury[2] ?? injury[3];
    const iso = toIsoDate(written);
    if (iso) {
      const at = injury.index + injury[0].length - written.length;
      facts.dateOfInjury = { value: iso, text: written, range: c.range(at, at + written.length) };
    }
  }
  return facts;
}

/** The sex a match names with the word it captured, which ends the match. */
function sexAtEnd(c: CollapsedText, m: RegExpExecArray): PatientFacts['sex'] {
  const word = m[1];
  const start = m.index + m[0].length - word.length;
  return { value: /^(female|woman|lady|girl)$/i.test(word) ? 'female' : 'male', text: word, range: c.range(start, start + word.length) };
}
