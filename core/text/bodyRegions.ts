// The regions of the body a text names: the three spinal regions and the limbs' joints, in the words of the letters
// ("lumbar", "low back", "L4-5"; "rotator cuff"; "carpal tunnel"). What the rule body-part-mismatch compares between
// an item's request and its rationale.

export type BodyRegion = 'neck' | 'mid back' | 'low back' | 'shoulder' | 'elbow' | 'wrist or hand' | 'hip' | 'knee' | 'ankle or foot';

/** Each region, its words, and (matched in capitals only) its spinal levels: "L4-5", "C5-C6", "T12-L1". */
const regionWords: [BodyRegion, RegExp, RegExp?][] = [
  ['neck', /\b(?:cervical|neck|c-spine)\b/i, /\bC[1-7](?:-(?:C?[1-7]|T1))?\b/],
  ['mid back', /\b(?:thoracic|thoracolumbar|mid-?back|middle back|t-spine)\b/i, /\bT(?:[1-9]|1[0-2])-(?:T?(?:[1-9]|1[0-2])|L1)\b/],
  ['low back', /\b(?:lumbar|lumbosacral|thoracolumbar|low(?:er)? back|l-spine|sacroiliac|si joints?|sciatica)\b/i, /\bL[1-5](?:-(?:L?[1-5]|S1))?\b/],
  ['shoulder', /\b(?:shoulders?|rotator cuff|acromioclavicular|glenohumeral|subacromial)\b/i],
  ['elbow', /\b(?:elbows?|epicondyl\w*|olecranon|cubital)\b/i],
  ['wrist or hand', /\b(?:wrists?|hands?|fingers?|thumbs?|carpal|metacarpal\w*)\b/i],
  ['hip', /\b(?:hips?|femoroacetabular|trochanter\w*)\b/i],
  ['knee', /\b(?:knees?|menisc\w*|patell\w*)\b/i],
  ['ankle or foot', /\b(?:ankles?|foot|feet|plantar|heels?|toes?|achilles)\b/i],
];

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

/** The regions a text names, in the order of the list above. */
export function bodyRegionsIn(text: string): BodyRegion[] {
  return regionWords.filter(([, words, levels]) => words.test(text) || levels?.test(text)).map(([region]) => region);
}

/** Where a text first names a region, and which; undefined when it names none. */
export function firstBodyRegion(text: string): { region: BodyRegion; from: number; to: number } | undefined {
  let first: { region: BodyRegion; from: number; to: number } | undefined;
  for (const [region, ...expressions] of regionWords)
    for (const expression of expressions) {
      const m = expression?.exec(text);
      if (m && (!first || m.index < first.from)) first = { region, from: m.index, to: m.index + m[0].length };
    }
  return first;
}

/** The regions themselves and those a rationale may argue them from. */
export function withRelatedRegions(regions: readonly BodyRegion[]): Set<BodyRegion> {
  return new Set(regions.flatMap((r) => [r, ...(related[r] ?? [])]));
}
