import { NO_INPUT, type TAlpacaExport, type TMedSeed } from "./alpacare-format";

type TExportRow = {
  id: string;
  version: number;
  instruction: string;
  input: string | null;
  difficulty: number | null;
  topic: { label: string } | null;
  view: { label: string } | null;
  type: { label: string } | null;
};

/** Key order and value types as in med_seed.json, so AlpaCare's generation scripts read it unchanged. */
export function toAlpacaExport(s: TExportRow): TAlpacaExport {
  return {
    topic: s.topic?.label ?? "",
    view: s.view?.label ?? "",
    type: s.type?.label ?? "",
    instruction: s.instruction,
    input: s.input && s.input.trim() !== "" ? s.input : NO_INPUT,
    difficulty: s.difficulty === null ? "" : String(s.difficulty),
    id: s.id,
    version: s.version,
  };
}

/** Exactly one record of med_seed.json: its six keys, in its order, every value a string. */
export function toMedSeed(s: TExportRow): TMedSeed {
  const { topic, view, type, instruction, input, difficulty } = toAlpacaExport(s);
  return { topic, view, type, instruction, input, difficulty };
}
