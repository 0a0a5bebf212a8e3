// Formatting habits of real models (MedInstruct-test: claude-2 opens with a space,
// text-davinci-003 with blank lines), applied to one content. Shared by the unit tests of
// canonicalPresentation and the end-to-end check that raters receive the same bytes for each.

export type THabit = { name: string; apply: (text: string) => string };

const eachLine = (text: string, f: (line: string) => string) => text.split("\n").map(f).join("\n");

export const HABITS: readonly THabit[] = [
  { name: "as written", apply: (t) => t },
  { name: "leading space on the first line only", apply: (t) => ` ${t}` },
  { name: "leading blank lines", apply: (t) => `\n\n${t}` },
  { name: "CRLF line ends", apply: (t) => `${t.replace(/\n/g, "\r\n")}\r\n` },
  { name: "CR line ends", apply: (t) => t.replace(/\n/g, "\r") },
  { name: "trailing spaces and tabs", apply: (t) => `${eachLine(t, (l) => `${l}  \t `)}\n \n` },
  { name: "common indent", apply: (t) => eachLine(t, (l) => (l ? `    ${l}` : l)) },
  { name: "common tab indent, blank lines indented too", apply: (t) => eachLine(t, (l) => `\t${l}`) },
  {
    name: "no-break spaces at line ends and a zero-width space",
    apply: (t) => `\u200B${eachLine(t, (l) => `${l}\u00A0`)}`,
  },
  { name: "three blank lines between paragraphs", apply: (t) => t.replace(/\n\n/g, "\n\n\n\n") },
  { name: "ideographic-space indent", apply: (t) => eachLine(t, (l) => (l ? `\u3000${l}` : l)) },
  {
    name: "all of them at once",
    apply: (t) => `\r\n \r\n${eachLine(t, (l) => (l ? `  ${l} ` : "  ")).replace(/\n/g, "\r\n")}\r\n\r\n`,
  },
];

/**
 * A clinical answer in canonical form with what must survive: blank lines between paragraphs and
 * an indent relative to its neighbours. Its later lines are not all indented, so a leading space
 * on the first line can only be a habit (with every later line indented it would be ambiguous).
 */
export const HABIT_CONTENT = [
  "Rest and fluids come first.",
  "",
  "- Paracetamol for the fever:",
  "    1 g every 6 hours, at most 4 g a day",
  "- See a doctor if it lasts over 3 days.",
  "",
  "Seek care at once for a stiff neck or a rash that does not fade.",
].join("\n");
