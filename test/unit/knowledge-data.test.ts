// The knowledge-base data files against their JSON schemas, and the facts the schema cannot check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import entrySchema from '../../core/knowledge/data/entry.schema.json';
import guidelinesSchema from '../../core/knowledge/data/guidelines.schema.json';
import guidelinesJson from '../../core/knowledge/data/guidelines.json';
import cpmtg from '../../core/knowledge/data/mtus-cpmtg.json';
import opioids from '../../core/knowledge/data/mtus-opioids-2016.json';
import acoem2004 from '../../core/knowledge/data/mtus-acoem-2004.json';
import other from '../../core/knowledge/data/mtus-other-and-acoem.json';
import odg from '../../core/knowledge/data/odg.json';
import { knowledgeEntries, guidelines } from '../../core/knowledge/index';

const files: Record<string, unknown> = {
  'mtus-cpmtg.json': cpmtg,
  'mtus-opioids-2016.json': opioids,
  'mtus-acoem-2004.json': acoem2004,
  'mtus-other-and-acoem.json': other,
  'odg.json': odg,
};

test('every entry file validates against entry.schema.json', () => {
  const validate = new Ajv({ allErrors: true }).compile(entrySchema);
  for (const [name, data] of Object.entries(files)) {
    const ok = validate(data);
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
  }
});

test('guidelines.json validates against guidelines.schema.json', () => {
  const validate = new Ajv({ allErrors: true }).compile(guidelinesSchema);
  assert.ok(validate(guidelinesJson), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
});

test('the schema rejects an entry without a summary or with an unknown recommendation', () => {
  const validate = new Ajv().compile(entrySchema);
  const good = { id: 'x', guideline: 'odg', topic: 'Topic', recommendation: 'option', summary: 'A summary long enough to pass the minimum length. Two sentences.', sources: [{ title: 'Some source' }], confidence: 'unverified' };
  assert.equal(validate([good]), true);
  const { summary, ...noSummary } = good;
  void summary;
  assert.equal(validate([noSummary]), false);
  assert.equal(validate([{ ...good, recommendation: 'maybe' }]), false);
  assert.equal(validate([{ ...good, confidence: 'sure' }]), false);
});

test('ids are unique, every guideline is known, pages are ordered, summaries have two or three sentences', () => {
  const ids = new Set<string>();
  const known = new Set(guidelines.map((g) => g.id));
  for (const e of knowledgeEntries()) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    assert.ok(known.has(e.guideline), `${e.id}: unknown guideline ${e.guideline}`);
    for (const p of e.pages ?? []) assert.ok(p.from <= p.to, `${e.id}: pages ${p.from}-${p.to}`);
    const sentences = e.summary.match(/[.!?](\s|$)/g)?.length ?? 0;
    assert.ok(sentences >= 2 && sentences <= 3, `${e.id}: ${sentences} sentences`);
  }
  assert.ok(ids.size >= 200, `only ${ids.size} entries`);
});

test('each regime letters cite has entries', () => {
  const count = (g: string) => knowledgeEntries().filter((e) => e.guideline === g).length;
  assert.ok(count('mtus-cpmtg') >= 40, 'Chronic Pain guideline topics');
  assert.ok(count('mtus-opioids-2016') >= 20, '2016 Opioids guideline sections');
  assert.ok(count('mtus-acoem-2004') >= 40, 'ACOEM 2004 chapters and sections');
  assert.ok(count('odg') >= 60, 'ODG chapters and topics');
  for (const g of ['mtus-acupuncture', 'mtus-postsurgical', 'mtus-acoem-2017', 'mtus-formulary', 'acoem-3rd']) assert.ok(count(g) >= 1, g);
});

test('unverified facts are marked, and the CPMTG editions carry effective dates', () => {
  const unverified = knowledgeEntries().filter((e) => e.confidence === 'unverified');
  assert.ok(unverified.length > 0 && unverified.length < knowledgeEntries().length);
  const cp = guidelines.find((g) => g.id === 'mtus-cpmtg');
  assert.deepEqual(
    cp?.editions.map((e) => [e.edition, e.from]),
    [
      ['2009', '2009-07-18'],
      ['2016', '2016-07-28'],
    ],
  );
});
