// The guideline knowledge base: resolves a parsed citation to summaries of the cited MTUS/ODG sections.
import type { GuidelineCitation } from '../model';

export interface CitationContext {
  /** The letter's decision date (ISO), to choose the MTUS regime in force. */
  letterDate?: string;
}

/** Markdown for a hover over a citation: what the knowledge base knows of the cited section. */
export function citationHoverMarkdown(citation: GuidelineCitation, context: CitationContext = {}): string {
  void context;
  return `**${citation.source}** ${citation.text}`;
}
