// Tolerant comparison of topic names: spelling variants, plurals, typos and word order.
import { editDistanceAtMostOne } from '../text/editDistance';

const STOP = new Set([
  'a', 'an', 'and', 'or', 'of', 'for', 'the', 'in', 'on', 'to', 'with', 'by', 'as',
  'chapter', 'chapters', 'section', 'sections', 'guideline', 'guidelines', 'odg', 'mtus',
  'acute', 'topic', 'subheading', 'online', 'version', 'updated', 'criteria', 'use', 'p',
]);

const normaliseCache = new Map<string, string>();

/** Lower case, '&' as 'and', every run of other punctuation as one space. */
export function normalise(s: string): string {
  // Called for every (cited, name) pair of every lookup: memoised, as tokens() is, so linting while typing stays cheap.
  const cached = normaliseCache.get(s);
  if (cached !== undefined) return cached;
  const result = computeNormalised(s);
  if (normaliseCache.size > 20000) normaliseCache.clear();
  normaliseCache.set(s, result);
  return result;
}

function computeNormalised(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’®™]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const tokenCache = new Map<string, string[]>();

export function tokens(s: string): string[] {
  const cached = tokenCache.get(s);
  if (cached) return cached;
  const result = computeTokens(s);
  // Entry names repeat on every lookup; cited text is bounded by the letters open, but cap the cache anyway.
  if (tokenCache.size > 20000) tokenCache.clear();
  tokenCache.set(s, result);
  return result;
}

function computeTokens(s: string): string[] {
  const out: string[] = [];
  for (const w of normalise(s).split(' ')) {
    if (w === '' || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return [...new Set(out)];
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5) {
    if (editDistanceAtMostOne(a, b)) return true;
    // "manipulation" / "manipulative", "electrodiagnostic" / "electrodiagnostics".
    const n = Math.min(a.length, b.length);
    if (n >= 8 && Math.abs(a.length - b.length) <= 3 && a.startsWith(b.slice(0, n - 2))) return true;
  }
  return false;
}

/**
 * How well a cited topic matches a name, from 0 to 1: the Dice overlap of their significant words,
 * raised when every word of the cited topic is in the name ("Physical medicine" in
 * "Physical medicine treatment").
 */
export function similarity(cited: string, name: string): number {
  return scores(cited, name).score;
}

/** The score, and the plain word overlap (Dice) it was raised from. */
export function scores(cited: string, name: string): { score: number; dice: number } {
  return scoreKeys(matchKey(cited), matchKey(name));
}

/** A text prepared for matching: its normal form and its significant words. */
export interface MatchKey {
  normalised: string;
  tokens: string[];
}

export function matchKey(s: string): MatchKey {
  return { normalised: normalise(s), tokens: tokens(s) };
}

/** `scores` of prepared texts: a lookup prepares the cited text once and each entry name once, not per pair. */
export function scoreKeys(cited: MatchKey, name: MatchKey): { score: number; dice: number } {
  const a = cited.tokens;
  const b = name.tokens;
  if (a.length === 0 || b.length === 0) return { score: 0, dice: 0 };
  if (cited.normalised === name.normalised) return { score: 1, dice: 1 };
  // Index loops, and the used words noted only once one matches (most pairs share none): the first lookups
  // run before the JIT has compiled this.
  let common = 0;
  let used: boolean[] | undefined;
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) {
      if (used?.[k] || !sameWord(a[i], b[k])) continue;
      used ??= [];
      used[k] = true;
      common++;
      break;
    }
  }
  const dice = (2 * common) / (a.length + b.length);
  const shorter = Math.min(a.length, b.length);
  const contained = common === shorter ? 0.6 + 0.4 * (shorter / Math.max(a.length, b.length)) : 0;
  return { score: Math.max(dice, contained), dice };
}

/** Words joined without spaces, for text broken inside a word by PDF extraction ("p ain"). */
export function squash(s: string): string {
  return normalise(s).replace(/ /g, '');
}
