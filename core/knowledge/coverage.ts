// The coverage report: which citations of a set of letters resolve to an entry naming the cited topic.
import type { GuidelineCitation } from '../model';
import { parseLetter } from '../parser/parseLetter';
import { similarity } from './match';
import { resolveCitation, type Resolution } from './resolve';

export interface CoverageCount {
  /** Citation occurrences. */
  total: number;
  /** Of those, resolved to entries that name every cited topic. */
  named: number;
}

export interface UncoveredCitation {
  letter: string;
  /** 1-based line, for people reading the report. */
  line: number;
  kind: 'MTUS' | 'ODG' | 'ACOEM' | 'other';
  text: string;
  reason: string;
}

export interface CoverageReport {
  letters: number;
  citations: number;
  mtus: CoverageCount;
  odg: CoverageCount;
  acoem: CoverageCount;
  /** Articles and links: shown as external sources, not counted against coverage. */
  external: number;
  uncovered: UncoveredCitation[];
}

/** Whether every match names what the letter cites (its topic words, or for pages, the pages themselves). */
export function namesCitedTopics(c: GuidelineCitation, r: Resolution): boolean {
  if (r.status !== 'resolved' || r.unresolved.length > 0 || r.matches.length === 0) return false;
  const cited = [...(c.pages ?? []), ...sectionPages(c)];
  return r.matches.every((m) => {
    if (m.via === 'page') return (m.entry.pages ?? []).some((p) => cited.some((q) => p.from <= q.to && q.from <= p.to));
    const words = [m.entry.topic, m.entry.citedAs ?? '', ...(m.entry.aliases ?? []), m.entry.chapter?.title ?? '', m.entry.summary].join(' ');
    return similarity(m.cited, words) > 0;
  });
}

function sectionPages(c: GuidelineCitation) {
  return (c.sections ?? [])
    .filter((s) => /^\d+(?:\s?-\s?\d+)?$/.test(s))
    .map((s) => {
      const [a, b] = s.split('-').map((x) => Number(x.trim()));
      return { from: a, to: b ?? a };
    });
}

function kindOf(c: GuidelineCitation): UncoveredCitation['kind'] {
  if (c.kind === 'mtus') return 'MTUS';
  if (c.source === 'ODG') return 'ODG';
  if (c.source === 'ACOEM') return 'ACOEM';
  return 'other';
}

/** Reads every letter with the real parser, resolves every citation of every guideline paragraph, and counts. */
export function citationCoverage(letters: { name: string; text: string }[]): CoverageReport {
  const report: CoverageReport = {
    letters: letters.length,
    citations: 0,
    mtus: { total: 0, named: 0 },
    odg: { total: 0, named: 0 },
    acoem: { total: 0, named: 0 },
    external: 0,
    uncovered: [],
  };
  for (const { name, text } of letters) {
    const model = parseLetter(text);
    const letterDate = model.header?.decisionDate?.value;
    for (const item of model.items) {
      for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
        for (const c of p?.citations ?? []) {
          report.citations++;
          const kind = kindOf(c);
          const r = resolveCitation(c, { letterDate });
          if (kind === 'other') {
            report.external++;
            continue;
          }
          const count = kind === 'MTUS' ? report.mtus : kind === 'ODG' ? report.odg : report.acoem;
          count.total++;
          if (namesCitedTopics(c, r)) {
            count.named++;
            continue;
          }
          const topics = r.unresolved.filter((s) => s !== c.text);
          const reason =
            topics.length > 0
              ? `no entry for ${topics.map((s) => `"${s}"`).join(', ')}`
              : r.status === 'unresolved'
                ? 'no entry'
                : 'an entry that does not name the cited topic';
          report.uncovered.push({ letter: name, line: c.range.start.line + 1, kind, text: c.text, reason });
        }
      }
    }
  }
  return report;
}

export function percent(c: CoverageCount): number {
  return c.total === 0 ? 100 : (100 * c.named) / c.total;
}

/** The report as text, as `npm run coverage` prints it. */
export function formatCoverage(r: CoverageReport): string {
  const line = (label: string, c: CoverageCount) => `${label}: ${c.named}/${c.total} citation occurrences resolve to an entry naming the cited topic (${percent(c).toFixed(1)}%)`;
  const out = [
    `Letters: ${r.letters}; citations: ${r.citations} (external sources: ${r.external})`,
    line('MTUS', r.mtus),
    line('ODG', r.odg),
    line('ACOEM (non-MTUS)', r.acoem),
    '',
    r.uncovered.length === 0 ? 'Unresolved citations: none' : `Unresolved citations (${r.uncovered.length}):`,
    ...r.uncovered.map((u) => `  ${u.letter}:${u.line} [${u.kind}] ${u.reason}: ${u.text}`),
  ];
  return out.join('\n');
}
