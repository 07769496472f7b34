// A disputed item's service as words: without its quantities, doses, sides, schedules and request labels
// (serviceWords: what the knowledge base matches against its topics), and as a kind of service, whatever its word
// order too (serviceKind): "Norco 10/325mg #60" and "Norco 5/325 #30" are both Norco, "MRI of the cervical spine" and
// "Cervical spine MRI without contrast" both a cervical MRI. The precedents of an item (the hover on its title, Find
// All References, the summary panel) and the folder summary's service groups count items of the same kind; a
// letter's identity (core/summary/copies.ts) and the rule duplicate-item keep the exact words.
import { isNumberWord } from './quantities';

/** A service's words that can name a topic: without quantities, doses, sides, schedules and request labels. */
export function serviceWords(service: string): string {
  return service
    .replace(/^\s*(?:associated surgical services?|retrospective(?: request)?|prospective(?: request)?|request(?:ed)? for)\s*:?\s*/i, '')
    .replace(/\([^)]*\)/g, (m) => (/\d/.test(m) ? ' ' : m))
    .replace(/\S*[\d#]\S*/g, ' ')
    // ("x" as in "2 x 6", not the x of "X-rays".)
    .replace(/(?<![\w-])x(?![\w-])/gi, ' ')
    .replace(/\b(?:left|right|bilateral|times|per|a|every|week|weeks|month|months|day|days|daily|session|sessions|visit|visits|refills?|supply|qty|quantity|with|without|contrast|dos|additional|once|twice)\b/gi, ' ')
    // Numbers written out ("four weeks") are quantities too: "four" is in an opioid entry's "four A's".
    .replace(/\b[A-Za-z]+\b/g, (word) => (isNumberWord(word) ? ' ' : word))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that name nothing about the service ("w" and "o" are what is left of "w/o"). */
const STOP_WORDS = new Set(['of', 'the', 'for', 'a', 'an', 'to', 'and', 'in', 'on', 'at', 'by', 'as', 'or', 'w', 'o', 'unknown', 'request', 'requested', 'purchase', 'rental', 'trial', 'continued', 'continue', 'continuation', 'outpatient']);

/** Names written several ways, each to one word (the longer forms first). */
const SYNONYMS: [RegExp, string][] = [
  [/\bmagnetic resonance imag(?:ing|es?)\b|\bmri'?s\b/g, 'mri'],
  [/\bcomputed tomography\b|\bcat scan\b|\bct scans?\b/g, 'ct'],
  [/\bx[- ]?rays?\b|\bradiographs?\b/g, 'xray'],
  [/\belectromyograph(?:y|ic studies)\b/g, 'emg'],
  [/\bnerve conduction(?: velocity)?(?: stud(?:y|ies))?\b|\bncv\b/g, 'ncs'],
  [/\bphysiotherapy\b|\bpt\b/g, 'physical therapy'],
  [/\btranscutaneous electrical nerve stimulation\b|\btens unit\b/g, 'tens'],
  // The spine's regions as letters also name them.
  [/\blow(?:er)? back\b|\blumbosacral\b/g, 'lumbar'],
  [/\bneck\b/g, 'cervical'],
  [/\b(?:mid|upper) back\b/g, 'thoracic'],
];

/**
 * Brand names of the drugs workers' compensation letters decide most, to their generic names (a combination to its
 * parts): "Norco 10/325mg" and "Hydrocodone/APAP 10/325mg" are one drug, "Meloxicam (Mobic)" and "Mobic" too.
 */
const GENERIC_NAMES = new Map<string, string>([
  ['norco', 'hydrocodone acetaminophen'],
  ['vicodin', 'hydrocodone acetaminophen'],
  ['lortab', 'hydrocodone acetaminophen'],
  ['percocet', 'oxycodone acetaminophen'],
  ['endocet', 'oxycodone acetaminophen'],
  ['ultracet', 'tramadol acetaminophen'],
  ['apap', 'acetaminophen'],
  ['tylenol', 'acetaminophen'],
  ['oxycontin', 'oxycodone'],
  ['ultram', 'tramadol'],
  ['duragesic', 'fentanyl'],
  ['butrans', 'buprenorphine'],
  ['flexeril', 'cyclobenzaprine'],
  ['fexmid', 'cyclobenzaprine'],
  ['amrix', 'cyclobenzaprine'],
  ['soma', 'carisoprodol'],
  ['zanaflex', 'tizanidine'],
  ['skelaxin', 'metaxalone'],
  ['robaxin', 'methocarbamol'],
  ['norflex', 'orphenadrine'],
  ['neurontin', 'gabapentin'],
  ['gralise', 'gabapentin'],
  ['lyrica', 'pregabalin'],
  ['celebrex', 'celecoxib'],
  ['mobic', 'meloxicam'],
  ['naprosyn', 'naproxen'],
  ['anaprox', 'naproxen'],
  ['motrin', 'ibuprofen'],
  ['voltaren', 'diclofenac'],
  ['relafen', 'nabumetone'],
  ['lidoderm', 'lidocaine patch'],
  ['prilosec', 'omeprazole'],
  ['protonix', 'pantoprazole'],
  ['nexium', 'esomeprazole'],
  ['pepcid', 'famotidine'],
  ['zofran', 'ondansetron'],
  ['ambien', 'zolpidem'],
  ['cymbalta', 'duloxetine'],
  ['elavil', 'amitriptyline'],
  ['desyrel', 'trazodone'],
]);

/** Plurals to their singular: "extremities", "patches", "injections"; not "ms", "bus" or "class". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const REGIONS = /\b(?:cervical|thoracic|lumbar)\b/;
const WITH_CONTRAST = /\bwith(?: and without)? contrast\b|\bw\/ ?contrast\b/i;

/** The kind of service: its words without quantities and the like, synonyms and brand names made one, singular, in order. */
export function serviceKind(service: string): string {
  let text = serviceWords(service).toLowerCase();
  for (const [re, word] of SYNONYMS) text = text.replace(re, word);
  const words = new Set<string>();
  for (const written of text.split(/[^a-z0-9]+/)) {
    if (written === '' || STOP_WORDS.has(written)) continue;
    const generic = GENERIC_NAMES.get(written);
    if (generic !== undefined) {
      for (const part of generic.split(' ')) words.add(part);
      continue;
    }
    words.add(singular(written));
  }
  // "The lumbar spine" is the lumbar region: "lumbar MRI" and "MRI of the lumbar spine" are one service.
  if (REGIONS.test(text)) words.delete('spine');
  // A study with contrast is another study; without it (the usual one), the same.
  if (WITH_CONTRAST.test(service)) words.add('contrast');
  const kind = [...words].sort().join(' ');
  return kind !== '' ? kind : service.replace(/\s+/g, ' ').trim().toLowerCase();
}
