// The quantities in a service's words ("Acupuncture 8 sessions", "Cyclobenzaprine 7.5mg #90", "nine sessions"), and
// the words around them, so that two wordings of one service can be compared number by number.

const numberWordList: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

// A Map: a word such as "constructor" must not find a value on an object's prototype.
const numberWords = new Map(Object.entries(numberWordList));

/** Whether a word is a number written out ("twelve"), in any case. */
export function isNumberWord(word: string): boolean {
  return numberWords.has(word.toLowerCase());
}

const QUANTITY = new RegExp(`\\d+(?:\\.\\d+)?|\\b(?:${[...numberWords.keys()].join('|')})\\b`, 'g');
/** A number, or a word (what lies between is punctuation and space, which the shape ignores). */
const TOKEN = /(\d+(?:\.\d+)?)|[a-z]+/g;
const PLACEHOLDER = '\u0001';

export interface Quantities {
  /** The numbers, in the order written ("twelve" counts as 12). */
  values: number[];
  /** The other words, plurals made singular ("weeks" → "week"), without a leading "Retrospective". */
  words: string[];
  /**
   * The words and the numbers' places, for comparing wordings: "pt \u0001 time a week for \u0001 week" for "PT 3 times
   * a week for 3 weeks", "3 times a week for 1 week" and "Retrospective PT 3 times a week for 2 weeks" alike.
   */
  shape: string;
}

export function quantitiesOf(text: string): Quantities {
  const values: number[] = [];
  const words: string[] = [];
  const shape: string[] = [];
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m; m = TOKEN.exec(lower)) {
    const [token, digits] = m;
    const value = digits !== undefined ? Number(digits) : numberWords.get(token);
    if (value !== undefined) {
      values.push(value);
      shape.push(PLACEHOLDER);
    } else if (shape.length > 0 || !/^(?:retrospective|retro|prospective)$/.test(token)) {
      const word = token.length > 3 && token.endsWith('s') ? token.slice(0, -1) : token;
      words.push(word);
      shape.push(word);
    }
  }
  return { values, words, shape: shape.join(' ') };
}

// "12 sessions", "(8 sessions)", "Eight physical therapy visits": a number, at most three words, then the unit counted.
const COUNT = new RegExp(`(${QUANTITY.source})(?: [a-z/&-]+){0,3}? (session|visit)s?\\b`, 'g');

/** The one count of sessions or visits a wording gives, with its unit; undefined when it gives none or several. */
export function countOf(text: string): { value: number; unit: string } | undefined {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const all = [...lower.matchAll(COUNT)];
  if (all.length !== 1) return undefined;
  const [, number, unit] = all[0];
  return { value: numberWords.get(number) ?? Number(number), unit };
}

export type PartArithmetic =
  | { kind: 'unknown' }
  | { kind: 'adds-up' }
  /** One number differs between the wordings, and the original's is not the sum of the other two. */
  | { kind: 'mismatch'; original: number; authorized: number; remaining: number };

/**
 * Whether the remaining portion of a partial authorization is the original request less what was authorized, read
 * number by number: 'unknown' unless the three are worded alike but for their numbers. Several numbers that differ
 * add up either each on its own or as their product (2 times a week for 6 weeks = 1 for 6 and 1 for 6); a
 * mismatch is reported only when a single number differs, where the reading is not in doubt.
 */
export function partArithmetic(original: string, authorized: string, remaining: string): PartArithmetic {
  const [o, a, r] = [original, authorized, remaining].map(quantitiesOf);
  if (o.values.length === 0 || o.shape !== a.shape || o.shape !== r.shape) return countArithmetic([original, authorized, remaining], [o, a, r]);
  const differing = o.values.map((_, i) => i).filter((i) => !(o.values[i] === a.values[i] && a.values[i] === r.values[i]));
  if (differing.length === 0) return { kind: 'unknown' };
  const adds = (x: number, y: number, z: number) => Math.abs(x - (y + z)) < 1e-9;
  if (differing.every((i) => adds(o.values[i], a.values[i], r.values[i]))) return { kind: 'adds-up' };
  const product = (q: Quantities) => q.values.reduce((p, v) => p * v, 1);
  if (adds(product(o), product(a), product(r))) return { kind: 'adds-up' };
  if (differing.length > 1) return { kind: 'unknown' };
  const [i] = differing;
  return { kind: 'mismatch', original: o.values[i], authorized: a.values[i], remaining: r.values[i] };
}

/**
 * Wordings that differ but each give one count of the same unit, and whose two later parts use only the original's
 * words: "Physical therapy two times a week for six weeks (12 sessions)", "Physical therapy 6 sessions", "Physical
 * therapy 6 sessions".
 */
function countArithmetic(texts: readonly string[], [oq, aq, rq]: readonly Quantities[]): PartArithmetic {
  const words = new Set(oq.words);
  if (![aq, rq].every((q) => q.words.every((w) => words.has(w)))) return { kind: 'unknown' };
  const [o, a, r] = texts.map(countOf);
  if (!o || !a || !r || o.unit !== a.unit || o.unit !== r.unit) return { kind: 'unknown' };
  if (Math.abs(o.value - (a.value + r.value)) < 1e-9) return { kind: 'adds-up' };
  return { kind: 'mismatch', original: o.value, authorized: a.value, remaining: r.value };
}
