// Reads the expert reviewer's licensure and specialties, from the inline sentence or the credentials block.
import { specialtyName } from './specialtyNames';
import type { Field, Reviewer } from '../model';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';

const INLINE_RE =
  /\bexpert reviewer is (?:Board Certified|certified|licensed) in (.+?)(?:,? and)? is licensed to practice in (.+?)\.(?= |$)/i;
const LICENSURE_RE = /State\(s\) of Licensure ?: ?(.*?)(?= ?Certification\(s\)| ?CLINICAL CASE SUMMARY|$)/i;
const SPECIALTY_RE = /Certification\(s\) ?\/ ?Specialty ?: ?(.*?)(?= ?CLINICAL CASE SUMMARY| ?State\(s\) of Licensure|$)/i;

/** Parses the reviewer from document offsets [start, end) (the how-made section, or the text before the summary). */
export function parseReviewer(doc: LineIndex, start: number, end: number): Reviewer | undefined {
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
  const field = (m: RegExpExecArray | null, split: (s: string) => string[]): Field<string[]> => {
    if (!m) return { value: [], text: '', range: c.range(0, 0) };
    return listField(c, m.index + m[0].length - m[1].length, m[1], split);
  };
  const from = Math.min(lic?.index ?? Infinity, spec?.index ?? Infinity);
  const to = Math.max(lic ? lic.index + lic[0].length : 0, spec ? spec.index + spec[0].length : 0);
  return {
    form: 'block',
    range: c.range(from, to),
    licensure: field(lic, splitStates),
    specialties: field(spec, splitSpecialties),
  };
}

function listField(c: CollapsedText, at: number, written: string, split: (s: string) => string[]): Field<string[]> {
  const text = written.replace(/[ .]+$/, '');
  return { value: split(text), text, range: c.range(at, at + text.length) };
}

function splitStates(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function splitSpecialties(text: string): string[] {
  // "Physical Medicine Rehab, has a subspecialty in Pain Medicine" names two specialties.
  return text
    .replace(/,?\s*has a sub-?specialty in\s*/gi, ', ')
    .split(/\s*[,;]\s*/)
    .map((s) => specialtyName(s.trim()))
    .filter((s) => s.length > 0);
}
