// The guideline knowledge base: resolves a parsed citation to summaries of the cited MTUS/ODG sections.
export { citationHoverMarkdown } from './hover';
export { citationCompletions, type CitationCompletion } from './completions';
export {
  resolveCitation,
  guidelineIdOf,
  knowledgeEntries,
  type CitationContext,
  type EntryMatch,
  type PageMismatch,
  type Resolution,
  type ResolutionStatus,
} from './resolve';
export { regimeAt, hierarchyLine, type Regime } from './regime';
export { citationCoverage, formatCoverage, namesCitedTopics, percent, type CoverageReport, type CoverageCount, type UncoveredCitation } from './coverage';
export { guidelines, entryById, guidelineInfo } from './data';
export type { GuidelineId, GuidelineInfo, KnowledgeEntry, Recommendation, SourceRef } from './types';
