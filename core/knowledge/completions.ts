// Citation forms offered for completion after a guideline label, drawn from the knowledge-base entries.
import { entries } from './data';
import type { KnowledgeEntry } from './types';

export interface CitationCompletion {
  label: string;
  detail: string;
  documentation: string;
  insertText: string;
}

function doc(e: KnowledgeEntry): string {
  const parts = [`Recommendation: ${e.recommendation}`, e.summary];
  if (e.limits) parts.push(`Limits: ${e.limits}`);
  if (e.confidence === 'unverified') parts.push('(unverified)');
  return parts.join('\n\n');
}

function form(e: KnowledgeEntry): { label: string; insertText: string } | undefined {
  const name = e.citedAs;
  switch (e.guideline) {
    case 'mtus-cpmtg':
      if (!name || e.id === 'cpmtg-overview') return undefined;
      return { label: `MTUS Chronic Pain Medical Treatment 2016: ${name}`, insertText: `Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): ${name}.` };
    case 'mtus-opioids-2016':
      if (!name) return undefined;
      return { label: `MTUS Opioid Treatment 2016: ${name}`, insertText: `Decision based on MTUS Opioid Treatment 2016, Section(s): ${name}.` };
    case 'mtus-acoem-2004': {
      const ch = e.chapter;
      if (!name || !ch?.number) return undefined;
      if (ch.number <= 7) {
        return { label: `MTUS General Approaches 2004: ${name}`, insertText: `Decision based on MTUS General Approaches 2004, Section(s): ${name}.` };
      }
      if (ch.number === 10) return { label: `MTUS Elbow Complaints 2007: ${name}`, insertText: `Decision based on MTUS Elbow Complaints 2007, Section(s): ${name}.` };
      if (e.id === `acoem2004-ch${ch.number}`) return { label: `MTUS ${ch.title} 2004`, insertText: `Decision based on MTUS ${ch.title} 2004.` };
      return { label: `MTUS ${ch.title} 2004: ${name}`, insertText: `Decision based on MTUS ${ch.title} 2004, Section(s): ${name}.` };
    }
    case 'mtus-acupuncture':
      return { label: 'MTUS Acupuncture Treatment 2007', insertText: 'Decision based on MTUS Acupuncture Treatment 2007.' };
    case 'mtus-postsurgical':
      if (!e.chapter) return undefined;
      return { label: `MTUS Postsurgical Treatment 2009: ${e.chapter.title}`, insertText: `Decision based on MTUS Postsurgical Treatment 2009, Section(s): ${e.chapter.title}.` };
    case 'odg': {
      const topic = e.citedAs ?? e.aliases?.[0] ?? e.topic;
      if (e.id === 'odg-overview') return undefined;
      if (e.id.startsWith('odg-ch-')) {
        return { label: `ODG ${topic}`, insertText: `Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${topic}.` };
      }
      const chapter = e.chapter?.title ?? '';
      return { label: `ODG ${chapter}: ${topic}`, insertText: `Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), ${chapter}, ${topic}.` };
    }
    default:
      return undefined;
  }
}

let cache: CitationCompletion[] | undefined;

/** Citation forms for completion after "MAXIMUS guideline:" / "Claims Administrator guideline:". */
export function citationCompletions(): CitationCompletion[] {
  if (cache) return cache.map((c) => ({ ...c }));
  const seen = new Set<string>();
  const out: CitationCompletion[] = [];
  for (const e of entries) {
    const f = form(e);
    if (!f || seen.has(f.insertText)) continue;
    seen.add(f.insertText);
    out.push({ ...f, detail: `${e.topic} · ${e.recommendation}`, documentation: doc(e) });
  }
  cache = out;
  return out.map((c) => ({ ...c }));
}
