// The server's settings source in process: asked once per resource, pushed settings for clients that cannot be
// asked, and a client that leaves a request unanswered is not waited on again until the settings change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, SettingsSource, type SettingsClient } from '../../server/settings';

function fakeClient(answer: (scopeUri: string | undefined) => Promise<unknown>, canBeAsked = true) {
  const asked: (string | undefined)[] = [];
  const logged: string[] = [];
  const client: SettingsClient = {
    canBeAsked: () => canBeAsked,
    ask: (scopeUri) => (asked.push(scopeUri), answer(scopeUri)),
    log: (m) => logged.push(m),
  };
  return { client, asked, logged };
}

test('readSettings keeps valid severities and the two switches, and defaults the rest', () => {
  assert.deepEqual(readSettings({ rules: { a: 'off', b: 'loud', c: 'hint' }, workspacePdfs: false, format: { joinLines: true } }), {
    rules: { a: 'off', c: 'hint' },
    workspacePdfs: false,
    joinLines: true,
  });
  assert.deepEqual(readSettings('nonsense'), { rules: {}, workspacePdfs: true, joinLines: false });
  assert.deepEqual(readSettings({ format: { joinLines: 'yes' }, workspacePdfs: 0 }), { rules: {}, workspacePdfs: true, joinLines: false });
});

test('each resource is asked once until the settings change', async () => {
  const { client, asked } = fakeClient(async (uri) => ({ rules: { 'missing-rationale': uri === 'file:///a' ? 'off' : 'hint' } }));
  const settings = new SettingsSource(client, 1000);
  assert.equal((await settings.for('file:///a')).rules['missing-rationale'], 'off');
  assert.equal((await settings.for('file:///a')).rules['missing-rationale'], 'off');
  assert.equal((await settings.for('file:///b')).rules['missing-rationale'], 'hint');
  await settings.forWorkspace();
  await settings.forWorkspace();
  assert.deepEqual(asked, ['file:///a', 'file:///b', undefined]);
  settings.changed(undefined);
  await settings.for('file:///a');
  settings.forget('file:///a');
  await settings.for('file:///a');
  assert.deepEqual(asked, ['file:///a', 'file:///b', undefined, 'file:///a', 'file:///a']);
});

test('a client that cannot be asked gets what it pushed, or the defaults', async () => {
  const { client, asked } = fakeClient(async () => assert.fail('not to be asked'), false);
  const settings = new SettingsSource(client, 1000);
  assert.deepEqual(await settings.for('file:///a'), readSettings(undefined));
  settings.changed({ rules: { 'missing-rationale': 'off' } });
  assert.equal((await settings.for('file:///a')).rules['missing-rationale'], 'off');
  assert.equal((await settings.forWorkspace()).rules['missing-rationale'], 'off');
  assert.deepEqual(asked, []);
});

test('a request the client never answers gives the pushed settings after the timeout, and is not made again until a change', async (t) => {
  const { client, asked, logged } = fakeClient(() => new Promise(() => {}));
  const settings = new SettingsSource(client, 50);
  // The source's timer does not hold the process open (unref): this test does, while it waits.
  const keepAlive = setInterval(() => {}, 1000);
  t.after(() => clearInterval(keepAlive));
  settings.changed({ rules: { 'missing-rationale': 'off' } });
  const started = performance.now();
  assert.equal((await settings.for('file:///a')).rules['missing-rationale'], 'off');
  assert.ok(performance.now() - started >= 45, 'waited for the timeout');
  // Not asked again, not waited on: another document gets the pushed settings at once.
  assert.equal((await settings.for('file:///b')).rules['missing-rationale'], 'off');
  assert.deepEqual(asked, ['file:///a']);
  assert.equal(logged.filter((m) => /did not answer workspace\/configuration/.test(m)).length, 1);
  settings.changed(undefined);
  void settings.for('file:///b');
  assert.deepEqual(asked, ['file:///a', 'file:///b'], 'asked again after the settings changed');
});

test('a request the client answers with an error gives the defaults and a line in the log', async () => {
  const { client, logged } = fakeClient(async () => {
    throw new Error('no such section');
  });
  const settings = new SettingsSource(client, 1000);
  assert.deepEqual(await settings.for('file:///a'), readSettings(undefined));
  assert.ok(logged.some((m) => m.includes('Cannot read the imr settings: no such section')));
});
