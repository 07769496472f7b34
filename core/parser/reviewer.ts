// Reads the expert reviewer's licensure and specialties, from the inline sentence or the credentials block.
import { specialtyName } from './specialtyNames';
import type { Field, Reviewer } from '../model';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';
import type { Layout } from './layout';

const INLINE_RE =
  /\bexpert reviewer is (?:Board Certified|certified|licensed) in (.+?)(?:,? and)? is licensed to practice in (.+?)\.(?= |$)/i;
// The labels as written, and as OCR may read them: "Certification(s /Specialty", "States) of Licensure".
const LICENSURE_LABEL = String.raw`State\(?s\)? ?of ?Licensure`;
const SPECIALTY_LABEL = String.raw`Certification\(?s\)? ?\/? ?Specialty`;
const LICENSURE_RE = new RegExp(`${LICENSURE_LABEL} ?: ?(.*?)(?= ?Certification\\(?s\\)?| ?CLINICAL CASE SUMMARY|$)`, 'i');
const SPECIALTY_RE = new RegExp(`${SPECIALTY_LABEL} ?: ?(.*?)(?= ?CLINICAL CASE SUMMARY| ?${LICENSURE_LABEL}|$)`, 'i');

/**
 * Parses the reviewer from document offsets [start, end) (the how-made section, or the text before the summary). With
 * the letter's layout, a credentials value ends with its paragraph: OCR may put a line of the case summary after it.
 */
export function parseReviewer(doc: LineIndex, start: number, end: number, layout?: Layout): Reviewer | undefined {
  const c = new CollapsedText(doc, start, end);
  const inline = INLINE_RE.exec(c.text);
  if (inline) {
    const specStart = inline.index + inline[0].indexOf(inline[1]);
    const licStart = inline.index + inline[0].lastIndexOf(inline[2]);
    return {
      form: 'inline',
      range: c.range(inline.index, inline.index + inline[0].length),
      specialties: listField(c, specStart, inline[1], splitSpecialties),
      licensure: listField(c, licStart, inline[2], splitStates),
    };
  }
  const lic = LICENSURE_RE.exec(c.text);
  const spec = SPECIALTY_RE.exec(c.text);
  if (!lic && !spec) return undefined;
  // Each value: [at, at + length) of the collapsed text.
  const span = (m: RegExpExecArray) => {
    const at = m.index + m[0].length - m[1].length;
    return { at, length: layout ? paragraphEnd(c, layout, at, m[1].length) : m[1].length };
  };
  const field = (m: RegExpExecArray | null, split: (s: string) => string[]): Field<string[]> => {
    if (!m) return { value: [], text: '', range: c.range(0, 0) };
    const { at, length } = span(m);
    return listField(c, at, c.text.slice(at, at + length), split);
  };
  const valueEnd = (m: RegExpExecArray | null) => {
    if (!m) return 0;
    const { at, length } = span(m);
    return at + length;
  };
  const from = Math.min(lic?.index ?? Infinity, spec?.index ?? Infinity);
  return {
    form: 'block',
    range: c.range(from, Math.max(valueEnd(lic), valueEnd(spec))),
    licensure: field(lic, splitStates),
    specialties: field(spec, splitSpecialties),
  };
}

/** The length of the part of collapsed [at, at + length) before the first paragraph break in it. */
function paragraphEnd(c: CollapsedText, layout: Layout, at: number, length: number): number {
  const doc = c.doc;
  for (let k = c.text.indexOf(' ', at); k >= 0 && k < at + length; k = c.text.indexOf(' ', k + 1)) {
    if (!c.breakAt(k)) continue;
    const next = doc.lineAt(c.offsetAt(k + 1));
    for (let l = doc.lineAt(c.offsetAt(k)) + 1; l < next; l++) if (layout.isBreak(l)) return k - at;
  }
  return length;
}

function listField(c: CollapsedText, at: number, written: string, split: (s: string) => string[]): Field<string[]> {
  const text = written.replace(/[ .]+$/, '');
  return { value: split(text), text, range: c.range(at, at + text.length) };
}

// A full stop between two words, the second capitalised, as OCR may read a comma: "California.Texas",
// "Pain Management. Hospice & Palliative Medicine" (not an initial's: "D.C.").
const STOP_BETWEEN_NAMES = String.raw`(?<=[a-z]{2})\.\s*(?=[A-Z])`;

const STATES_SEPARATOR_RE = new RegExp(String.raw`\s*(?:,|;|\band\b|${STOP_BETWEEN_NAMES})\s*`, 'i');
const SPECIALTIES_SEPARATOR_RE = new RegExp(String.raw`\s*(?:[,;]|${STOP_BETWEEN_NAMES})\s*`);

function splitStates(text: string): string[] {
  return text
    .split(STATES_SEPARATOR_RE)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function splitSpecialties(text: string): string[] {
  // "Physical Medicine Rehab, has a subspecialty in Pain Medicine" names two specialties.
  return text
    .replace(/,?\s*has a sub-?specialty in\s*/gi, ', ')
    .split(SPECIALTIES_SEPARATOR_RE)
    .map((s) => specialtyName(s.trim()))
    .filter((s) => s.length > 0);
}
