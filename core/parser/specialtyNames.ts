// The reviewer's specialties as named, with a typo of the letter's mended: "Sports Medicinea" is read as "Sports
// Medicine", so that a table or summary grouped by specialty does not split one specialty in two. Only a word one
// edit away from exactly one word of a known specialty name is mended; the field's `text` keeps what the letter says.
import { editDistanceAtMostOne } from '../text/editDistance';

/** Board specialties and subspecialties (ABMS and AOA names) and the forms IMR letters give them. */
const knownSpecialties = [
  'Addiction Medicine', 'Addiction Psychiatry', 'Aerospace Medicine', 'Allergy & Immunology', 'Anesthesiology',
  'Brain Injury Medicine', 'Cardiology', 'Cardiovascular Disease', 'Chiropractic', 'Chiropractor',
  'Clinical Neurophysiology', 'Colon & Rectal Surgery', 'Critical Care Medicine', 'Dermatology',
  'Electrodiagnostic Medicine', 'Emergency Medicine', 'Endocrinology', 'Family Medicine', 'Family Practice',
  'Forensic Psychiatry', 'Gastroenterology', 'General Surgery', 'Geriatric Medicine', 'Hand Surgery', 'Hematology',
  'Hospice & Palliative Medicine', 'Infectious Disease', 'Internal Medicine', 'Interventional Pain Medicine',
  'Medical Toxicology', 'Neurological Surgery', 'Neurology', 'Neuromuscular Medicine', 'Neuroradiology',
  'Nephrology', 'Nuclear Medicine', 'Obstetrics & Gynecology', 'Occupational Medicine', 'Oncology',
  'Ophthalmology', 'Oral & Maxillofacial Surgery', 'Orthopedic Surgery', 'Orthopaedic Surgery', 'Osteopathic',
  'Otolaryngology', 'Pain Management', 'Pain Medicine', 'Pathology', 'Pediatric Rehabilitation Medicine',
  'Pediatrics', 'Physical Medicine & Rehabilitation', 'Physical Therapy', 'Plastic Surgery', 'Podiatry',
  'Podiatric Surgery', 'Preventive Medicine', 'Psychiatry', 'Psychology', 'Public Health & General Preventive Medicine',
  'Pulmonary Disease', 'Radiology', 'Rheumatology', 'Sleep Medicine', 'Spinal Cord Injury Medicine', 'Spine Surgery',
  'Sports Medicine', 'Surgery', 'Surgery of the Hand', 'Thoracic Surgery', 'Undersea & Hyperbaric Medicine',
  'Urology', 'Vascular Surgery',
];

/** The words of the known names (lower case, five letters or more: shorter words are too close to one another). */
const vocabulary = new Set(knownSpecialties.flatMap((name) => name.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5));
const vocabularyList = [...vocabulary];
/** By length, for the lookups: a word one edit away from another is at most one letter longer or shorter. */
const byLength = new Map<number, string[]>();
for (const w of vocabularyList) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);

const mended = new Map<string, string>();

/** The known word a word of the letter misspells, if exactly one is one edit away; else the word as it is. */
function mendWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length < 6 || vocabulary.has(lower) || !/^[a-z]+$/.test(lower)) return word;
  let found = mended.get(lower);
  if (found === undefined) {
    const near = [lower.length - 1, lower.length, lower.length + 1].flatMap((n) => (byLength.get(n) ?? []).filter((w) => editDistanceAtMostOne(lower, w)));
    found = near.length === 1 ? near[0] : '';
    mended.set(lower, found);
  }
  if (!found) return word;
  // In the letter's case: "Medicinea" → "Medicine", "MEDICINEA" → "MEDICINE".
  if (word === word.toUpperCase()) return found.toUpperCase();
  return word[0] === word[0].toUpperCase() ? found[0].toUpperCase() + found.slice(1) : found;
}

/** A specialty as the letter names it, its misspelt words mended. */
export function specialtyName(written: string): string {
  return written.replace(/[A-Za-z]+/g, mendWord);
}
