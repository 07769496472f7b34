// The entry of a pool whose name best matches a cited topic, found without scoring the whole pool.
import { entries as allEntries } from './data';
import { type MatchKey, matchKey, sameWord, scoreKeys } from './match';
import { entryNames, type NameIndexData } from './nameIndex';
import { nameIndexJson } from './nameIndex.generated';
import type { KnowledgeEntry } from './types';

// An entry that shares no word (nor a word like it) with a cited topic scores 0 and cannot be the best match, and
// that is nearly every entry of a pool. So each word of the entries' names points to the entries that hold it,
// and each cited word, once, to the entries that hold a word like it: bestMatch scores only those entries.
// Finding the words like a cited word must be cheap even before the JIT has compiled anything (each worker of
// the command line resolves its first letters' citations in the interpreter), so it looks up keys instead of
// comparing the word with every name word: sameWord holds only for words within one edit (a deletion,
// insertion, substitution or transposition), which share the word itself or one of its one-letter deletions,
// or for words of eight letters or more that share their first six letters. The names' keys and these tables
// come ready-made (nameIndex.ts, nameIndex.generated.ts).
interface LoadedIndex {
  entriesByWord: Map<string, KnowledgeEntry[]>;
  /** A name word itself and each of its one-letter deletions, to the name words that yield it (words of five letters or more). */
  wordsByEditKey: Map<string, string[]>;
  /** The first six letters of each name word of eight letters or more, to those words. */
  wordsByPrefix: Map<string, string[]>;
  placeInData: Map<KnowledgeEntry, number>;
  data: NameIndexData;
}
let loaded: LoadedIndex | undefined;
const nameKeysByEntry = new WeakMap<KnowledgeEntry, MatchKey[]>();
const entriesLikeWord = new Map<string, Set<KnowledgeEntry>>();

function nameIndex(): LoadedIndex {
  if (loaded) return loaded;
  const data = JSON.parse(nameIndexJson) as NameIndexData;
  loaded = {
    data,
    entriesByWord: new Map(data.words.map(([word, ids]) => [word, ids.map((i) => allEntries[i])])),
    wordsByEditKey: new Map(data.editKeys),
    wordsByPrefix: new Map(data.prefixes),
    placeInData: new Map(allEntries.map((e, i) => [e, i])),
  };
  return loaded;
}

/** An entry's names (topic, as cited, aliases), prepared for matching. */
function nameKeys(e: KnowledgeEntry): MatchKey[] {
  let keys = nameKeysByEntry.get(e);
  if (!keys) {
    const index = nameIndex();
    const i = index.placeInData.get(e);
    const ready = i !== undefined ? index.data.names[i] : undefined;
    keys = ready ? ready.map(([normalised, tokens]) => ({ normalised, tokens })) : entryNames(e).map(matchKey);
    nameKeysByEntry.set(e, keys);
  }
  return keys;
}

/** The entries whose names hold `word` or a word like it (the same test as scoreKeys). */
function entriesLike(word: string): Set<KnowledgeEntry> {
  let found = entriesLikeWord.get(word);
  if (found) return found;
  const { entriesByWord: index, wordsByEditKey, wordsByPrefix } = nameIndex();
  found = new Set(index.get(word));
  // Words under five letters are like only themselves.
  if (word.length >= 5) {
    const like = new Set<string>();
    const consider = (words: string[] | undefined) => {
      if (words) for (const w of words) if (w !== word && sameWord(word, w)) like.add(w);
    };
    consider(wordsByEditKey.get(word));
    for (let i = 0; i < word.length; i++) consider(wordsByEditKey.get(word.slice(0, i) + word.slice(i + 1)));
    if (word.length >= 8) consider(wordsByPrefix.get(word.slice(0, 6)));
    for (const w of like) for (const e of index.get(w) ?? []) found.add(e);
  }
  if (entriesLikeWord.size > 20000) entriesLikeWord.clear();
  entriesLikeWord.set(word, found);
  return found;
}

// The pools a citation is matched against (a guideline's entries, an ODG or ACOEM chapter's) are the same few
// for every letter: each is built once, with each entry's place in it, so that bestMatch can visit only the
// entries like the cited topic, in pool order, instead of the whole pool.
const pools = new Map<string, readonly KnowledgeEntry[]>();
const placeInPool = new WeakMap<readonly KnowledgeEntry[], Map<KnowledgeEntry, number>>();

export function cachedPool(key: string, build: () => readonly KnowledgeEntry[]): readonly KnowledgeEntry[] {
  let pool = pools.get(key);
  if (!pool) {
    pool = build();
    pools.set(key, pool);
    placeInPool.set(pool, new Map(pool.map((e, i) => [e, i])));
  }
  return pool;
}

function sharesWord(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => sameWord(x, y)));
}

/** The entry whose name matches best, at least `min`; with `minDice`, half-matches by containment alone do not count. */
export function bestMatch(cited: string, pool: readonly KnowledgeEntry[], min: number, minDice = 0): KnowledgeEntry | undefined {
  let best: KnowledgeEntry | undefined;
  let bestScore = 0;
  const citedKey = matchKey(cited);
  const tokens = citedKey.tokens;
  // A topic without significant words scores 0 against every name.
  if (tokens.length === 0) return undefined;
  const candidates = tokens.length === 1 ? entriesLike(tokens[0]) : new Set(tokens.flatMap((t) => [...entriesLike(t)]));
  let visit = pool;
  const place = placeInPool.get(pool);
  if (place && candidates.size < pool.length) {
    const places: number[] = [];
    for (const e of candidates) {
      const i = place.get(e);
      if (i !== undefined) places.push(i);
    }
    visit = places.sort((a, b) => a - b).map((i) => pool[i]);
  }
  // "Antiemetics (for opioid nausea)" is about antiemetics: a name that shares words only with what the parentheses
  // add (Opioids) is not the topic.
  const head = cited.includes('(') ? matchKey(cited.replace(/\([^)]*\)?/g, ' ')).tokens : tokens;
  for (const e of visit) {
    // Every entry is in the index: one that is not a candidate shares no word with the topic.
    if (!candidates.has(e)) continue;
    for (const n of nameKeys(e)) {
      const m = scoreKeys(citedKey, n);
      if (m.dice < minDice) continue;
      if (head !== tokens && head.length > 0 && m.score > 0 && !sharesWord(head, n.tokens)) continue;
      const s = m.score;
      // Ties go to the entry listed first, which is the more specific one in each data file.
      if (s > bestScore) {
        bestScore = s;
        best = e;
      }
    }
  }
  return bestScore >= min ? best : undefined;
}
