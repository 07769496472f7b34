// The regions of the body a text names: the three spinal regions and the limbs' joints, in the words of the letters
// ("lumbar", "low back", "L4-5"; "rotator cuff"; "carpal tunnel"). What the rule body-part-mismatch compares between
// an item's request and its rationale. Each text is scanned twice, once for the words and once for the spinal levels
// (in capitals only: "L4-5", "C5-C6", "T12-L1"), since lint reads every rationale of every letter.

export type BodyRegion = 'neck' | 'mid back' | 'low back' | 'shoulder' | 'elbow' | 'wrist or hand' | 'hip' | 'knee' | 'ankle or foot';

/** The regions in the order they are listed in, and the words of each; a group of the expressions below each. */
const regionOrder: readonly BodyRegion[] = ['neck', 'mid back', 'low back', 'shoulder', 'elbow', 'wrist or hand', 'hip', 'knee', 'ankle or foot'];
const wordGroups: readonly (readonly BodyRegion[])[] = [
  ['neck'],
  ['mid back', 'low back'],
  ['mid back'],
  ['low back'],
  ['shoulder'],
  ['elbow'],
  ['wrist or hand'],
  ['hip'],
  ['knee'],
  ['ankle or foot'],
];
const WORDS_RE = new RegExp(
  `\\b(?:${[
    'cervical|neck|c-spine',
    'thoracolumbar',
    'thoracic|mid-?back|middle back|t-spine',
    'lumbar|lumbosacral|low(?:er)? back|l-spine|sacroiliac|si joints?|sciatica',
    'shoulders?|rotator cuff|acromioclavicular|glenohumeral|subacromial',
    'elbows?|epicondyl\\w*|olecranon|cubital',
    'wrists?|hands?|fingers?|thumbs?|carpal|metacarpal\\w*',
    'hips?|femoroacetabular|trochanter\\w*',
    'knees?|menisc\\w*|patell\\w*',
    'ankles?|foot|feet|plantar|heels?|toes?|achilles',
  ]
    .map((words) => `(${words})`)
    .join('|')})\\b`,
  'gi',
);
const LEVELS_RE = /\b(?:(C[1-7](?:-(?:C?[1-7]|T1))?)|(T(?:[1-9]|1[0-2])-(?:T?(?:[1-9]|1[0-2])|L1))|(L[1-5](?:-(?:L?[1-5]|S1))?))\b/g;

export interface BodyRegionMention {
  regions: readonly BodyRegion[];
  from: number;
  to: number;
}

/** Every place a text names a region, in the order of the text. */
export function bodyRegionMentions(text: string): BodyRegionMention[] {
  const mentions: BodyRegionMention[] = [];
  WORDS_RE.lastIndex = 0;
  for (let m = WORDS_RE.exec(text); m; m = WORDS_RE.exec(text))
    mentions.push({ regions: wordGroups[m.findIndex((g, i) => i > 0 && g !== undefined) - 1], from: m.index, to: m.index + m[0].length });
  LEVELS_RE.lastIndex = 0;
  for (let m = LEVELS_RE.exec(text); m; m = LEVELS_RE.exec(text)) {
    // A level reaching into the next region ("T12-L1") is in both.
    const regions: BodyRegion[] = m[1] ? ['neck'] : m[2] ? (m[2].endsWith('L1') ? ['mid back', 'low back'] : ['mid back']) : ['low back'];
    mentions.push({ regions, from: m.index, to: m.index + m[0].length });
  }
  return mentions.sort((a, b) => a.from - b.from);
}

/** The regions a text names, in the order of the list above. */
export function bodyRegionsIn(text: string): BodyRegion[] {
  const named = new Set(bodyRegionMentions(text).flatMap((m) => m.regions));
  return regionOrder.filter((r) => named.has(r));
}

/** A spinal region and the limb its nerves reach: a cervical request is argued from the arm's symptoms, a lumbar one
 *  from the leg's, and a limb's request may be argued from the spine. */
const related: Partial<Record<BodyRegion, readonly BodyRegion[]>> = {
  neck: ['shoulder', 'elbow', 'wrist or hand'],
  'low back': ['hip', 'knee', 'ankle or foot'],
  shoulder: ['neck'],
  elbow: ['neck'],
  'wrist or hand': ['neck'],
  hip: ['low back'],
  knee: ['low back'],
  'ankle or foot': ['low back'],
};

/** The regions themselves and those a rationale may argue them from. */
export function withRelatedRegions(regions: readonly BodyRegion[]): Set<BodyRegion> {
  return new Set(regions.flatMap((r) => [r, ...(related[r] ?? [])]));
}

/** The regions that come in pairs, whose side a request names ("left knee"); the spine's have none. */
const sidedRegions: ReadonlySet<BodyRegion> = new Set(['shoulder', 'elbow', 'wrist or hand', 'hip', 'knee', 'ankle or foot']);

export type Side = 'left' | 'right' | 'both';

export interface SidedMention {
  region: BodyRegion;
  side: Side;
  /** From the side's word through the region's. */
  from: number;
  to: number;
}

// The side just before a region's words: "left knee", "the right shoulder", "both knees", "left and right wrists".
const SIDE_BEFORE_RE = /\b(?:(left and right|right and left|both|bilateral(?:ly)?)|(left|right))[ -]+$/i;
// "right-hand dominant" says which hand the patient writes with, not which one is treated.
const DOMINANT_AFTER_RE = /^[ -]?dominan/i;

/** Where a text names a paired region with its side, in the order of the text (its region mentions, when read already). */
export function sidedRegionMentions(text: string, regions: readonly BodyRegionMention[] = bodyRegionMentions(text)): SidedMention[] {
  const mentions: SidedMention[] = [];
  for (const m of regions) {
    const region = m.regions.find((r) => sidedRegions.has(r));
    if (!region) continue;
    const side = SIDE_BEFORE_RE.exec(text.slice(Math.max(0, m.from - 20), m.from));
    if (!side || DOMINANT_AFTER_RE.test(text.slice(m.to, m.to + 12))) continue;
    mentions.push({ region, side: side[1] ? 'both' : (side[2].toLowerCase() as Side), from: m.from - side[0].length, to: m.to });
  }
  return mentions;
}
