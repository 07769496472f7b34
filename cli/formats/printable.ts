// Text from letters and file names, written for a person to read in a terminal. A letter or a file name may hold
// control characters: an escape sequence in an item's title could recolour or retitle the terminal, or hide the
// lines after it, and a bidirectional override could make a line read other than it is. Those show as \u escapes.
// (JSON, SARIF and CSV are data for programs and carry the text as it is, escaped as their formats say.)

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
