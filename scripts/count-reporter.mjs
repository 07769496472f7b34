// A node:test reporter that counts leaf tests (suites excluded) and writes them as JSON.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined || data.todo !== undefined) {
      counts.skipped++;
      counts.skippedNames.push(`${data.name}${typeof data.skip === 'string' ? `: ${data.skip}` : ''}`);
    } else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
