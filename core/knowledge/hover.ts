// Hover text for a guideline citation: what the knowledge base knows of the cited sections.
import { unreadPdfsNote } from '../summary/precedents';
import type { GuidelineCitation, PageRange } from '../model';
import { citationSourceText } from '../parser/citations/paragraph';
import { escapeMarkdown, markdownAutolink } from '../text/markdown';
import { hierarchyLine, regimeAt, supersededOn } from './regime';
import { resolveCitation, type CitationContext, type Resolution } from './resolve';
import { entryForService } from './serviceTopic';
import type { GuidelineInfo, KnowledgeEntry } from './types';
import { entryById } from './data';
import { odgChapterKey } from './odgChapters';

export function pagesText(pages: PageRange[] | undefined): string | undefined {
  if (!pages || pages.length === 0) return undefined;
  const list = pages.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`)).join(', ');
  return pages.length === 1 && pages[0].from === pages[0].to ? `p. ${list}` : `pp. ${list}`;
}

/** Text taken from letters or data, as Markdown that shows exactly that text. */
const esc = escapeMarkdown;

function link(s: { title: string; url?: string }): string {
  return s.url ? `[${esc(s.title)}](${s.url})` : esc(s.title);
}

/** The ODG chapter the letter cites, when it is not the entry's own but holds the same topic ("Hip and Pelvis Chapter,
 *  Skilled nursing facility" resolves to the knee's entry): the hover names the chapter cited and says whose entry it shows. */
function otherOdgChapter(e: KnowledgeEntry, citation: GuidelineCitation): string | undefined {
  const key = odgChapterKey(citation.chapter?.title);
  if (e.guideline !== 'odg' || !e.chapter || !key || key === e.chapter.key) return undefined;
  return entryById(`odg-ch-${key}`)?.chapter?.title ?? citation.chapter?.title;
}

function titleLine(e: KnowledgeEntry, r: Resolution, citation: GuidelineCitation): string {
  const g = r.guideline;
  const parts = [g ? g.name : e.guideline];
  // ODG is updated continually: the date the letter gives ("updated 11/23/16") says more than "current edition".
  if (g?.id === 'odg' && citation.edition) parts.push(citation.edition.replace(/^\(|\)$/g, ''));
  // The MTUS took ACOEM's revised elbow chapter (2007) in place of the 2004 one.
  else if (r.edition) parts.push(g?.id === 'mtus-acoem-2004' && e.chapter?.number === 10 ? `${r.edition.label}; elbow chapter revised 2007` : r.edition.label);
  if (e.chapter) parts.push(e.chapter.number !== undefined ? `Chapter ${e.chapter.number}: ${e.chapter.title}` : (otherOdgChapter(e, citation) ?? e.chapter.title));
  parts.push(e.section ? `§ ${e.section} ${e.topic}` : e.topic);
  const p = pagesText(e.pages);
  // Entry pages follow the 2009 PDF; the 2016 edition is paginated differently.
  if (p) parts.push(g?.id === 'mtus-cpmtg' && r.edition?.edition === '2016' ? `${p} in the 2009 edition` : p);
  return `**${parts.map(esc).join(' · ')}**`;
}

function entryBlock(e: KnowledgeEntry, r: Resolution, citation: GuidelineCitation): string {
  const lines = [titleLine(e, r, citation)];
  const cited = otherOdgChapter(e, citation);
  if (cited) {
    const own = esc(e.chapter?.title ?? '');
    lines.push('', `*This summary is the knowledge base's entry in the ${own} chapter; the letter cites the topic in the ${esc(cited)} chapter, whose criteria may differ.*`);
  }
  lines.push('', `**Recommendation:** ${e.recommendation === 'mixed' ? 'varies by topic (overview)' : e.recommendation}`);
  if (e.limits) lines.push('', `**Limits:** ${esc(e.limits)}`);
  lines.push('', esc(e.summary));
  lines.push('', e.confidence === 'verified' ? '*Confidence: verified*' : '⚠ *Confidence: unverified* — check these facts against the guideline before relying on them.');
  if (e.note) lines.push('', `*Note:* ${esc(e.note)}`);
  if (e.sources.length > 0) lines.push('', `Sources: ${e.sources.map(link).join('; ')}`);
  return lines.join('\n');
}

function regimeNote(citation: GuidelineCitation, g: GuidelineInfo | undefined, letterDate: string | undefined): string | undefined {
  const regime = regimeAt(letterDate);
  if (!regime || !g || g.tier !== 'mtus') return undefined;
  switch (supersededOn(citation, g, letterDate)) {
    case 'cpmtg-2009':
      return `The letter is dated ${letterDate}: the 2016 edition of the Chronic Pain guideline was in force, not the 2009 one cited.`;
    case 'before-acoem-2017':
      return `The letter is dated ${letterDate}: the ACOEM-based MTUS (December 1, 2017) was in force.`;
    default:
      return `Regime at the letter's date (${letterDate}): ${regime.label}.`;
  }
}

/** An article's or a link's citation as the source alone, as the research table shows it (cli/table.ts). */
function externalSource(text: string): string {
  return citationSourceText(text.trim()) || text;
}

/** The label of the item's other paragraph whose citations resolve to the entry, if one does. */
function paragraphCiting(entry: KnowledgeEntry, citation: GuidelineCitation, context: CitationContext): string | undefined {
  const { itemCitations, ...rest } = context;
  return itemCitations?.find((c) => c.citation !== citation && resolveCitation(c.citation, rest).entries.includes(entry))?.paragraph;
}

/** Markdown for a hover over a citation: what the knowledge base knows of the cited section. */
export function citationHoverMarkdown(citation: GuidelineCitation, context: CitationContext = {}): string {
  const r = resolveCitation(citation, context);
  const blocks: string[] = [];
  if (r.status === 'external') {
    const url = r.external?.url;
    blocks.push(
      [`**External source** (not a guideline) · ${esc(externalSource(r.external?.text ?? citation.text))}`, ...(url ? ['', `Link: ${markdownAutolink(url)}`] : [])].join('\n'),
    );
  } else if (r.status === 'unresolved') {
    blocks.push(`**${esc(citation.guideline ?? citation.source)}** · not in the knowledge base\n\n${esc(citation.text)}`);
  } else {
    for (const e of r.entries) blocks.push(entryBlock(e, r, citation));
    if (r.unresolved.length > 0) blocks.push(`Not in the knowledge base: ${r.unresolved.map((s) => `"${esc(s)}"`).join(', ')}`);
    const forService = entryForService(citation, r, context.service);
    if (forService && context.service) {
      const citedIn = paragraphCiting(forService, citation, context);
      const where = citedIn ? `cited in the item's "${citedIn}" paragraph` : 'not cited by the letter';
      blocks.push(`*The citation names no section. For the service decided here, "${esc(context.service.trim())}", this guideline has (${where}):*\n\n${entryBlock(forService, r, citation)}`);
    }
  }
  const footer: string[] = [];
  if (r.pageMismatch) footer.push(`⚠ **Page mismatch:** ${esc(r.pageMismatch.message)}`);
  footer.push(`*Evidence hierarchy:* ${hierarchyLine(r.status === 'external' ? undefined : r.guideline)}`);
  const note = regimeNote(citation, r.guideline, context.letterDate);
  if (note) footer.push(`*${esc(note)}*`);
  const unread = context.unreadLetters ?? 0;
  const notYet = unread > 0 ? unreadPdfsNote(unread) : '';
  if (context.folderStats && context.folderStats.citedBy > 0) {
    // Counts, as the status bar and the summaries give them: a share upheld here and overturned there misled.
    const { citedBy, upheld, overturned } = context.folderStats;
    footer.push(`Cited by ${citedBy} item${citedBy === 1 ? '' : 's'} here: ${upheld} upheld, ${overturned} overturned${notYet ? ` (${notYet})` : ''}.`);
  } else if (notYet) {
    footer.push(`No item read so far here was decided on it (${notYet}).`);
  }
  blocks.push(footer.join('\n\n'));
  return blocks.join('\n\n---\n\n');
}
