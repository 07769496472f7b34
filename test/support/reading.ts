// What a reader gets from a letter, ranges aside: to compare the same letter read from two texts (a PDF's text
// from different extractors, a letter printed as a PDF and read back).
import { lintLetter, parseLetter } from '../../core';
import type { LetterModel } from '../../core/model';

/** The header's values by field name, in name order. */
export function headerValues(header: LetterModel['header']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(header ?? {})
      .flatMap(([k, f]) => (k === 'range' ? [] : [[k, (f as { value: string }).value]]))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** What a reader gets from a letter: every field the table, the outline and the rules use, ranges aside. */
export function reading(model: LetterModel, text: string) {
  const header = headerValues(model.header);
  const citations = (p?: { citations: { source: string; guideline?: string; sections?: string[]; pagesText?: string }[] }) =>
    (p?.citations ?? []).map((c) => [c.source, c.guideline, c.sections, c.pagesText]);
  return {
    template: model.template,
    header,
    reviewer: { form: model.reviewer?.form, licensure: model.reviewer?.licensure.value, specialties: model.reviewer?.specialties.value },
    patient: Object.fromEntries(Object.entries(model.patient).map(([k, f]) => [k, (f as { value: unknown }).value])),
    sections: model.sections.map((s) => s.kind),
    items: model.items.map((i) => ({
      title: i.title.value,
      service: i.service,
      decision: i.decision,
      conclusion: i.conclusion,
      claims: citations(i.claimsAdministratorGuideline),
      maximus: citations(i.maximusGuideline),
      statements: i.maximusGuideline?.statements.map((s) => s.kind),
      rationale: i.rationale?.text.length !== undefined && i.rationale.text.length > 0,
    })),
    problems: model.problems.map((p) => p.code),
    lint: lintLetter(model, { text }).map((d) => d.code),
  };
}


/** The whole letter model of a text without where things are: every range and position, and the line count, left
 *  out (what Format Document must not change). */
export function modelContent(text: string): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      if ('line' in v && 'character' in v) return 'position';
      if ('start' in v && 'end' in v && typeof (v as { start: unknown }).start === 'object') return 'range';
      return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'lineCount').map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  return strip(parseLetter(text));
}
