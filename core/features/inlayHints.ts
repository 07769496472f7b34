// Inlay hints: after a citation by page ("Page(s): 298"), the topic those pages hold in the
// knowledge base ("§ Low back: Physical Methods"), so that a reader sees what was cited without hovering. A citation
// that names its section already says it, and one that does not resolve gets no hint (unresolved-citation says why).
import { InlayHintKind, MarkupKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { resolveCitation } from '../knowledge/resolve';
import type { KnowledgeEntry } from '../knowledge/types';
import { escapeMarkdown } from '../text/markdown';
import { comparePositions } from '../text/lines';
import type { LetterDocument } from './letterDocument';

/** At most this many topics in one hint, in this many characters; the rest are counted ("+2 more"). */
const maxTopics = 2;
const maxLabel = 80;

export function getInlayHints(doc: LetterDocument, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  const letterDate = doc.model.header?.decisionDate?.value;
  for (const item of doc.model.items) {
    if (comparePositions(item.range.end, range.start) < 0 || comparePositions(item.range.start, range.end) > 0) continue;
    for (const paragraph of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      for (const citation of paragraph?.citations ?? []) {
        const end = citation.range.end;
        if (comparePositions(end, range.start) < 0 || comparePositions(end, range.end) > 0) continue;
        const resolution = resolveCitation(citation, { letterDate });
        if (resolution.status !== 'resolved') continue;
        const entries = unique(resolution.matches.filter((m) => m.via === 'page').map((m) => m.entry));
        if (entries.length === 0) continue;
        hints.push({
          position: end,
          label: `§ ${topicsLabel(entries.map(shortTopic))}`,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          // "Page(s): 298 § Low back: Physical Methods ,Chronic Pain ...": apart from a word glued to the citation.
          ...(gluedAfter(doc.lines.lines[end.line]?.text.slice(end.character) ?? '') ? { paddingRight: true } : {}),
          tooltip: {
            kind: MarkupKind.Markdown,
            value: [
              `What ${escapeMarkdown(resolution.guideline?.short ?? citation.source)} page(s) ${escapeMarkdown(citation.pagesText ?? '')} hold:`,
              '',
              ...entries.map((e) => `- ${escapeMarkdown(e.topic)}${e.recommendation ? ` (${e.recommendation})` : ''}`),
              '',
              'Hover the citation for the summary.',
            ].join('\n'),
          },
        });
      }
    }
  }
  return hints;
}

/** Whether text follows the citation with no space, beyond a stop that ends it ("298,Chronic Pain", not "98. "). */
function gluedAfter(text: string): boolean {
  return /^\S/.test(text) && !/^[.,;:)\]]+(?:\s|$)/.test(text);
}

/**
 * "Low back: Special Studies; Summary": at most two topics, a part the second shares with the first ("Low back: ")
 * written once, and the rest counted; a label longer than a short line keeps only the first topic.
 */
function topicsLabel(topics: string[]): string {
  const more = (shown: number) => (topics.length > shown ? `; +${topics.length - shown} more` : '');
  const [first, second] = topics;
  const head = first.slice(0, first.indexOf(': ') + 2);
  const two = second === undefined ? first : `${first}; ${head && second.startsWith(head) ? second.slice(head.length) : second}`;
  const label = two + more(maxTopics);
  return label.length <= maxLabel ? label : first + more(1);
}

/** "Low back: Physical Methods (physical therapy, manipulation, modalities)" → "Low back: Physical Methods". */
function shortTopic(entry: KnowledgeEntry): string {
  return entry.topic.replace(/\s*\([^()]*\)\s*$/, '') || entry.topic;
}

function unique(entries: KnowledgeEntry[]): KnowledgeEntry[] {
  return [...new Map(entries.map((e) => [e.id, e])).values()];
}
