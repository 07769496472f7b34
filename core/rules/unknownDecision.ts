// Rule unknown-decision: an item's decision must be exactly Upheld or Overturned; suggests the intended word.
import type { Conclusion, Decision, DisputedItem } from '../model';
import { capitalised, itemName, itemTitleRange } from './itemRanges';
import { ocrDecision } from '../text/ocrFold';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

/** What a quick fix needs: the words to offer, the likeliest first. */
export interface UnknownDecisionData {
  item: number;
  /** The decision as written; absent when the title has no decision at all. */
  written?: string;
  suggestions: Decision[];
}

// Words reviewers or typists use for the same outcome; checked before spelling distance.
const upheldWords = /^(denied|deny|non-?certified|not certified|uncertified|not approved|not authorized|not medically necessary|affirmed|sustained)$/;
const overturnedWords = /^(approved|approve|certified|authori[sz]ed|reversed|granted|medically necessary)$/;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = next;
    }
  }
  return row[b.length];
}

function byConclusion(conclusion: Conclusion): Decision[] {
  if (conclusion === 'not-medically-necessary') return ['Upheld', 'Overturned'];
  if (conclusion === 'medically-necessary') return ['Overturned', 'Upheld'];
  return ['Upheld', 'Overturned'];
}

function normalised(written: string | undefined): string {
  return (written ?? '').trim().toLowerCase().replace(/[.\s]+$/, '').replace(/\s+/g, ' ');
}

/** The decision a synonym means ("Denied": Upheld, "Approved": Overturned), if the word is one. */
function synonymMeaning(w: string): Decision | undefined {
  return upheldWords.test(w) ? 'Upheld' : overturnedWords.test(w) ? 'Overturned' : undefined;
}

/** Whether the rationale's conclusion says the other way than `decision`. */
function contradicts(decision: Decision | undefined, conclusion: Conclusion): boolean {
  return (decision === 'Upheld' && conclusion === 'medically-necessary') || (decision === 'Overturned' && conclusion === 'not-medically-necessary');
}

/** The decisions to offer for a written word, likeliest first; only one when the intent is clear. */
export function suggestDecisions(written: string | undefined, conclusion: Conclusion): Decision[] {
  const w = normalised(written);
  if (w === '') return byConclusion(conclusion);
  // A synonym whose meaning the rationale contradicts ("Approved" under "not medically necessary") is no clear
  // intent: both words, the rationale's first, as for an unrelated word.
  const means = synonymMeaning(w);
  if (means) return contradicts(means, conclusion) ? byConclusion(conclusion) : [means];
  // A decision OCR misread ("Uphe1d", "0verturned", "Overtumed"): the word it stands for.
  const misread = ocrDecision(w);
  if (misread) return [misread];
  const up = editDistance(w, 'upheld');
  const over = editDistance(w, 'overturned');
  // A typo keeps most of the word: accept the nearer one when it is close enough to be a misspelling.
  if (up < over && up <= Math.max(2, Math.floor(w.length / 3))) return ['Upheld'];
  if (over < up && over <= Math.max(2, Math.floor(w.length / 3))) return ['Overturned'];
  if (w.startsWith('uph')) return ['Upheld'];
  if (w.startsWith('overt')) return ['Overturned'];
  return byConclusion(conclusion);
}

function report(item: DisputedItem): RuleReport | undefined {
  const written = item.decisionText?.text;
  if (item.decision) {
    // Read as a decision but not written as one ("upheld", "OVERTURNED"): normalise the spelling.
    // Only the word itself in another case; the 2013 notice's decisions are phrases the parser read, not words.
    const word = item.decisionText?.text.trim();
    if (!item.decisionText || !word || word === item.decision || word.toLowerCase() !== item.decision.toLowerCase()) {
      return undefined;
    }
    const data: UnknownDecisionData = { item: item.index, written, suggestions: [item.decision] };
    return {
      range: item.decisionText.range,
      message: `Write the decision of ${itemName(item)} as "${item.decision}", not "${item.decisionText.text.trim()}".`,
      data,
    };
  }
  const data: UnknownDecisionData = {
    item: item.index,
    written,
    suggestions: suggestDecisions(written, item.conclusion),
  };
  if (item.decisionText) {
    const means = synonymMeaning(normalised(written));
    const contradicted = contradicts(means, item.conclusion);
    const says = item.conclusion === 'medically-necessary' ? 'is medically necessary' : 'is not medically necessary';
    const misread = ocrDecision(normalised(written));
    return {
      range: item.decisionText.range,
      message: `"${written}" is not a decision: ${itemName(item)} must be Upheld or Overturned.${
        contradicted ? ` "${written?.trim()}" would mean ${means}, but the rationale concludes the request ${says}.` : ''
      }${misread ? ` It reads as "${misread}" misspelt or misread by OCR.` : ''}`,
      data,
    };
  }
  // No title at all is unrecognised-text's business: there is nowhere to put a decision.
  if (item.titleLines.length === 0) return undefined;
  // A Medical Professional Review has no decision word to write: its rationale's conclusion is the decision.
  if (item.form === 'review') {
    return {
      range: itemTitleRange(item),
      message: `${capitalised(itemName(item))} has no decision: its rationale does not conclude whether the treatment is medically necessary.`,
    };
  }
  return {
    range: itemTitleRange(item),
    message: `${capitalised(itemName(item))} has no decision: its title must end with ": Upheld" or ": Overturned".`,
    data,
  };
}

export const unknownDecision: Rule = {
  id: 'unknown-decision',
  defaultSeverity: 'error',
  description: 'An item\'s decision is neither "Upheld" nor "Overturned" (a typo, another word, or none).',
  docsUrl: ruleDocsUrl('unknown-decision'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      const r = report(item);
      if (r) reports.push(r);
    }
    return reports;
  },
};
