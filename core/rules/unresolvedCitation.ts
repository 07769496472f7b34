// Rule unresolved-citation: a guideline citation, or a topic in it, that the knowledge base does not know.
import { entries, guidelineInfo } from '../knowledge/data';
import type { KnowledgeEntry } from '../knowledge/types';
import type { GuidelineCitation, Range } from '../model';
import type { LineIndex } from '../text/lines';
import { resolvedCitations } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const unresolvedCitation: Rule = {
  id: 'unresolved-citation',
  defaultSeverity: 'information',
  description: 'A guideline citation (or a section it names) is not in the guideline knowledge base, so no summary can be shown.',
  docsUrl: ruleDocsUrl('unresolved-citation'),
  check(context) {
    const { model, text } = context;
    const reports: RuleReport[] = [];
    for (const { citation: c, resolution: r } of resolvedCitations(model)) {
      // Articles and links are external sources: shown as cited, nothing to resolve.
      if (r.status === 'external') continue;
      const sections = c.sections ?? [];
      const unknown = r.unresolved.filter((s) => sections.includes(s));
      // A guideline the knowledge base cannot name, or a citation whose pages name nothing: the whole citation.
      if (!r.guideline || unknown.length === 0) {
        if (r.status === 'unresolved') reports.push({ range: c.range, message: `The guideline knowledge base has no entry for "${c.text}".`, data: { unresolved: r.unresolved } });
        else if (r.unresolved.length > 0) {
          const what = r.unresolved.map((s) => `"${s}"`).join(', ');
          reports.push({ range: c.range, message: `The guideline knowledge base has no entry for ${what} in ${r.guideline?.name ?? c.guideline ?? c.source}.`, data: { unresolved: r.unresolved } });
        }
        continue;
      }
      const named = unknown.flatMap(topicsOf);
      const what = named.map((s) => `"${s}"`).join(' and ');
      const elsewhere = named.flatMap((s) => {
        const e = otherGuidelineEntry(s, r.guideline?.id);
        const g = e && guidelineInfo(e.guideline);
        return e && g ? [`it has "${e.topic}" in ${g.name}`] : [];
      });
      reports.push({
        range: (text !== undefined && context.lines !== undefined && sectionsRange(text, context.lines, c, unknown)) || c.range,
        message: `The guideline knowledge base has no entry for ${what} in ${r.guideline.name}${elsewhere.length > 0 ? `; ${elsewhere.join('; ')}` : ''}.`,
        data: { unresolved: r.unresolved },
      });
    }
    return reports;
  },
};

/**
 * The topics an unknown section names: "Surgery for shoulder dislocation & Surgery for biceps tenodesis" is two (an
 * ampersand between words each makes one section of the parser's, as it joins a chapter's name, "Hip & Pelvis").
 */
function topicsOf(section: string): string[] {
  const parts = section.split(/\s&\s(?=[A-Z])/);
  return parts.length > 1 && parts.every((p) => /\S\s+\S/.test(p.trim())) ? parts.map((p) => p.trim()) : [section];
}

/**
 * Where the unknown sections are written in the citation: from the first one's first word to the last one's last
 * word (one section: just its words), found in order after "Section(s):" with any white space between the words;
 * undefined when one of them cannot be found as written (a page citation's topic words run into its pages, say).
 */
function sectionsRange(text: string, lines: LineIndex, c: GuidelineCitation, unknown: readonly string[]): Range | undefined {
  const start = lines.offsetAt(c.range.start);
  const end = lines.offsetAt(c.range.end);
  const written = text.slice(start, end);
  const label = /Section\(s\):/i.exec(written);
  let cursor = label ? label.index + label[0].length : 0;
  let first: number | undefined;
  let last = 0;
  for (const s of c.sections ?? []) {
    const words = s.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gi');
    re.lastIndex = cursor;
    const m = re.exec(written);
    const at = m ? m.index : -1;
    if (at < 0) {
      if (unknown.includes(s)) return undefined;
      continue;
    }
    cursor = re.lastIndex;
    if (unknown.includes(s)) {
      first ??= at;
      last = re.lastIndex;
    }
  }
  if (first === undefined) return undefined;
  return { start: lines.positionAt(start + first), end: lines.positionAt(start + last) };
}

// The entries by their names as letters write them (the topic with and without its chapter's prefix, the name a
// letter cites; not aliases, which are looser), lower case with single spaces: an unknown section's exact name under another guideline.
let byName: Map<string, KnowledgeEntry[]> | undefined;

function nameKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

function otherGuidelineEntry(section: string, guideline: string | undefined): KnowledgeEntry | undefined {
  if (!byName) {
    byName = new Map();
    for (const e of entries) {
      const names = new Set([e.topic, e.topic.replace(/^[^:]*:\s*/, ''), ...(e.citedAs ? [e.citedAs] : [])].map(nameKey));
      for (const n of names) {
        const list = byName.get(n) ?? [];
        list.push(e);
        byName.set(n, list);
      }
    }
  }
  return byName.get(nameKey(section))?.find((e) => e.guideline !== guideline);
}
