// Writes generated chat files to try a conversation import by hand (the tests generate their own):
// <dir>/dialogues-messages.jsonl, <dir>/dialogues-conversations.jsonl and <dir>/dialogues-bad.jsonl.
// Usage: npx tsx scripts/clinical-dialogues.ts [dir] [count]   (defaults: the current directory, 24)
import { writeFileSync } from "node:fs";
import path from "node:path";
import { BAD_DIALOGUES, clinicalDialoguesJsonl } from "../tests/support/clinical-dialogues";

const dir = process.argv[2] ?? ".";
const count = Number(process.argv[3] ?? 24);
for (const shape of ["messages", "conversations"] as const) {
  const file = path.join(dir, `dialogues-${shape}.jsonl`);
  writeFileSync(file, clinicalDialoguesJsonl(shape, count));
  console.log(`${file}: ${count} dialogues (import with conversationField=${shape})`);
}
// Two good lines, then one of each refusal: the import answers 422 naming lines 3 onwards.
const bad = [
  ...clinicalDialoguesJsonl("messages", 2).trim().split("\n"),
  ...BAD_DIALOGUES.map((b) => JSON.stringify(b.record)),
];
writeFileSync(path.join(dir, "dialogues-bad.jsonl"), `${bad.join("\n")}\n`);
console.log(`${path.join(dir, "dialogues-bad.jsonl")}: refused line by line from line 3`);
