// A letter made only of its issues section and the items given: the tests of rules and features that need items
// of their own wording (a surgery and its services, say) build their letters with it.

/** [title, decision, rationale] of each item; the two guideline paragraphs cite the MTUS shoulder chapter. */
export type ItemSpec = [title: string, decision: string, rationale: string];

export function itemsLetter(items: readonly ItemSpec[], eol = '\n'): string {
  return [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    ...items.flatMap(([title, decision, rationale]) => [
      `${title}: ${decision}`,
      '',
      'Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Surgical Considerations.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Surgical Considerations.',
      '',
      `Decision rationale: ${rationale}`,
      '',
    ]),
  ]
    .join('\n')
    .replace(/\n/g, eol);
}
