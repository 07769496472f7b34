// Reads the patient's age, sex and date of injury from the clinical case summary, when it states them.
import type { PatientFacts } from '../model';
import { CollapsedText } from '../text/collapse';
import { DATE_PATTERN, toIsoDate } from '../text/dates';
import type { LineIndex } from '../text/lines';

const AGE_SEX_RE = /\b(\d{1,3})[- ]?(?:year|yr)s?[- ]old,? (male|female|man|woman|gentleman|lady|gentlemen|boy|girl)?/i;
const INJURY_RE = new RegExp(
  `\\b(?:industrial |work(?:-related)? |occupational )?injur(?:y|ies)(?: date)? (?:of|on|dated|that occurred on)? ?(${DATE_PATTERN})|\\bdate of injury(?: of| was|:)? ?(${DATE_PATTERN})`,
  'i',
);

export function parsePatient(doc: LineIndex, start: number, end: number): PatientFacts {
  const facts: PatientFacts = {};
  if (end <= start) return facts;
  const c = new CollapsedText(doc, start, end);
  const age = AGE_SEX_RE.exec(c.text);
  if (age) {
    const years = Number(age[1]);
    if (years > 0 && years < 120) {
      const text = age[1];
      facts.age = { value: years, text, range: c.range(age.index, age.index + text.length) };
    }
    if (age[2]) {
      const word = age[2];
      const sexStart = age.index + age[0].length - word.length;
      const value = /^(female|woman|lady|girl)$/i.test(word) ? 'female' : 'male';
      facts.sex = { value, text: word, range: c.range(sexStart, sexStart + word.length) };
    }
  }
  const injury = INJURY_RE.exec(c.text);
  if (injury) {
    const written = injury[1] ?? injury[2];
    const iso = toIsoDate(written);
    if (iso) {
      const at = injury.index + injury[0].length - written.length;
      facts.dateOfInjury = { value: iso, text: written, range: c.range(at, at + written.length) };
    }
  }
  return facts;
}
