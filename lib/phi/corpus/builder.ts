import { rngFromMulberry32State } from "../../random";
import type { PhiKind } from "../types";

export interface TLabelledSpan {
  start: number;
  end: number;
  kind: PhiKind;
}
export interface TLabelledSentence {
  text: string;
  spans: TLabelledSpan[];
}

/** A piece of a sentence: plain text, or a value labelled with its kind. */
export type TPiece = string | { value: string; kind: PhiKind };

export const pii = (kind: PhiKind, value: string): TPiece => ({ value, kind });

/** Joins pieces into a sentence and records each labelled value's offsets, so no offset is typed by hand. */
export function sentence(...pieces: TPiece[]): TLabelledSentence {
  let text = "";
  const spans: TLabelledSpan[] = [];
  for (const piece of pieces) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    spans.push({ start: text.length, end: text.length + piece.value.length, kind: piece.kind });
    text += piece.value;
  }
  return { text, spans };
}

/** The app's PRNG on the raw-state mulberry32 stream the corpus was first drawn with, so it regenerates byte for byte. */
export function rng(seed: number): () => number {
  const random = rngFromMulberry32State(seed);
  return () => random.nextFloat();
}
