/** "1 letter", "2 letters": the CLI's reports count in English. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
