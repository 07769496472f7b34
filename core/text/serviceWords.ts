// A disputed item's service as words: without its quantities, doses, sides, schedules, directions and request labels
// (serviceWords: what the knowledge base matches against its topics), and as a kind of service, whatever its word
// order too (serviceKind): "Norco 10/325mg #60" and "Norco 5/325 #30" are both Norco, "MRI of the cervical spine" and
// "Cervical spine MRI without contrast" both a cervical MRI. The precedents of an item (the hover on its title, Find
// All References, the summary panel) and the folder summary's service groups count items of the same kind; a
// letter's identity (core/summary/copies.ts) and the rule duplicate-item keep the exact words.
import { isNumberWord } from './quantities';

/**
 * Where a prescription's directions begin: "take 1 tab orally", "apply to affected area", "1 tablet by mouth", "as
 * needed", "12 hours on 12 hours off". They, and all after them (the dose repeated, what for, the refills), are how the
 * drug is taken, not which: "Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours as needed for moderate to severe
 * pain #30" is Tramadol (Ultram). "Take" and "apply" count only before what is taken or where ("take 1", "apply to").
 */
const DIRECTIONS =
  /\b(?:(?:take|apply)\s+(?:\d|(?:one|two|half|a|an|to|thin|up)\b)|(?:orally|by\s+mouth|per\s+os|po|p\.o\.|sublingually|as\s+needed|prn|p\.r\.n\.|at\s+bedtime|bid|tid|qid|qhs|to\s+(?:the\s+)?affected\s+areas?)(?!\w)|q\.?\s?\d+(?:-\d+)?\s?h(?:ours?|rs?)?\b|\d+\s*(?:hours?|hrs?)\s+on\b)/i;

/** Where a service's purpose begins: "Home aide 6 hours per day to assist with mobility, transfer and safety". */
const PURPOSE = /\b(?:to|for)\s+(?:assist|assistance|help)\b/i;

/** The service without the directions or the purpose that follow it (not when they are all there is). */
function withoutDirections(service: string): string {
  let end = service.length;
  for (const re of [DIRECTIONS, PURPOSE]) {
    const m = re.exec(service);
    if (m && m.index < end && /[a-z]/i.test(service.slice(0, m.index).replace(/\S*[\d#]\S*/g, ''))) end = m.index;
  }
  return service.slice(0, end);
}

/** A service's words that can name a topic: without quantities, doses, sides, schedules, directions and request labels. */
export function serviceWords(service: string): string {
  return withoutDirections(service)
    .replace(/^\s*(?:associated surgical services?|retrospective(?: request)?|prospective(?: request)?|request(?:ed)? for)\s*:?\s*/i, '')
    .replace(/\([^)]*\)/g, (m) => (/\d/.test(m) ? ' ' : m))
    .replace(/\S*[\d#]\S*/g, ' ')
    // ("x" as in "2 x 6", not the x of "X-rays".)
    .replace(/(?<![\w-])x(?![\w-])/gi, ' ')
    // The forms of a drug taken by mouth are its doses' units ("1 tab", "#30 capsules"); a cream, a gel or a patch is
    // another product, which the guidelines judge apart.
    .replace(/\boral\s+(?:tablets?|tabs?|capsules?|caplets?|suspension|solution)\b/gi, ' ')
    .replace(
      /\b(?:left|right|bilateral|times|per|a|every|week|weeks|month|months|day|days|daily|hours?|hrs?|minutes?|mins?|session|sessions|visit|visits|refills?|supply|qty|quantity|with|without|contrast|dos|additional|once|twice|tabs?|tablets?|capsules?|caplets?|mg|mcg|g|gm|grams?|ml|cc|oz|box(?:es)?|bottles?|containers?)\b/gi,
      ' ',
    )
    // Numbers written out ("four weeks") are quantities too: "four" is in an opioid entry's "four A's".
    .replace(/\b[A-Za-z]+\b/g, (word) => (isNumberWord(word) ? ' ' : word))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that name nothing about the service ("w" and "o" are what is left of "w/o"). */
const STOP_WORDS = new Set(['of', 'the', 'for', 'a', 'an', 'to', 'and', 'in', 'on', 'at', 'by', 'as', 'or', 'w', 'o', 'unknown', 'request', 'requested', 'purchase', 'rental', 'trial', 'continued', 'continue', 'continuation', 'outpatient']);

/** Names written several ways, each to one word (the longer forms first), in any case. */
const SYNONYMS: [RegExp, string][] = [
  [/\bmagnetic resonance imag(?:ing|es?)\b|\bmri'?s\b/gi, 'mri'],
  [/\bcomputed tomography\b|\bcat scan\b|\bct scans?\b/gi, 'ct'],
  [/\bx[- ]?rays?\b|\bradiographs?\b/gi, 'xray'],
  [/\belectromyograph(?:y|ic studies)\b/gi, 'emg'],
  [/\bnerve conduction(?: velocity)?(?: stud(?:y|ies))?\b|\bncvs?\b/gi, 'ncs'],
  // "PT/PTT" and "PT/INR" are the clotting tests (prothrombin time), not physical therapy.
  [/\bprothrombin time\b|\bpt(?=\s*(?:[/,&-]|and)\s*(?:ptt|inr)\b)|(?<=\b(?:ptt|inr)\s*(?:[/,&-]|and)\s*)pt\b/gi, 'prothrombin'],
  [/\bpartial thromboplastin time\b/gi, 'ptt'],
  [/\bphysiotherapy\b|\bpt\b/gi, 'physical therapy'],
  [/\btranscutaneous electrical nerve stimulation\b|\btens(?: units?)?\b/gi, 'tens'],
  // The spine's regions as letters also name them.
  [/\blow(?:er)? back\b|\blumbosacral\b/gi, 'lumbar'],
  [/\bneck\b/gi, 'cervical'],
  [/\b(?:mid|upper) back\b/gi, 'thoracic'],
];

/** The words the synonyms give, as they are: "tens" is no plural. */
const NAMED = new Set(SYNONYMS.flatMap(([, name]) => name.split(' ')));

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
  ['valium', 'diazepam'],
  ['xanax', 'alprazolam'],
  ['ativan', 'lorazepam'],
  ['klonopin', 'clonazepam'],
  ['restoril', 'temazepam'],
  ['lorzone', 'chlorzoxazone'],
  ['parafon', 'chlorzoxazone'],
  ['prevacid', 'lansoprazole'],
  ['zantac', 'ranitidine'],
  ['colace', 'docusate'],
  ['nucynta', 'tapentadol'],
  ['opana', 'oxymorphone'],
  ['dilaudid', 'hydromorphone'],
  ['topamax', 'topiramate'],
  ['effexor', 'venlafaxine'],
  ['wellbutrin', 'bupropion'],
  ['pamelor', 'nortriptyline'],
  ['lunesta', 'eszopiclone'],
  ['medrol', 'methylprednisolone'],
  ['toradol', 'ketorolac'],
]);

/**
 * A word as written, in lower case and singular: "extremities", "patches", "injections", "EMGs". Not the words whose
 * singular ends in s: "class", the Latin and Greek "pelvis", "urinalysis", "tenodesis", "trapezius", "pancreas", the
 * brand "Salonpas" (a plural of a word in -a, "hernias", is rarer in a service than those); nor a word in capitals,
 * "TENS" or "MARS", unless the whole service is in capitals.
 */
function singular(written: string, capitalsAreAcronyms: boolean): string {
  const word = written.toLowerCase();
  if (capitalsAreAcronyms && /^[A-Z]{2,}s?$/.test(written)) return written.endsWith('s') ? word.slice(0, -1) : word;
  if (word.length <= 3 || /(?:ss|is|us|as)$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const REGIONS = /\b(?:cervical|thoracic|lumbar)\b/i;
const WITH_CONTRAST = /\bwith(?: and without)? contrast\b|\bw\/ ?contrast\b/i;

/** The kind of service: its words without quantities and the like, synonyms and brand names made one, singular, in order. */
export function serviceKind(service: string): string {
  // "ADL's" is ADL.
  let text = serviceWords(service).replace(/['\u2019]s\b/g, '');
  const capitalsAreAcronyms = /[a-z]/.test(text);
  for (const [re, word] of SYNONYMS) text = text.replace(re, word);
  const words = new Set<string>();
  for (const written of text.split(/[^A-Za-z0-9]+/)) {
    const lower = written.toLowerCase();
    if (lower === '' || STOP_WORDS.has(lower)) continue;
    const generic = GENERIC_NAMES.get(lower);
    if (generic !== undefined) {
      for (const part of generic.split(' ')) words.add(part);
      continue;
    }
    words.add(NAMED.has(written) ? written : singular(written, capitalsAreAcronyms));
  }
  // "The lumbar spine" is the lumbar region: "lumbar MRI" and "MRI of the lumbar spine" are one service.
  if (REGIONS.test(text)) words.delete('spine');
  // A study with contrast is another study; without it (the usual one), the same.
  if (WITH_CONTRAST.test(service)) words.add('contrast');
  const kind = [...words].sort().join(' ');
  return kind !== '' ? kind : service.replace(/\s+/g, ' ').trim().toLowerCase();
}
