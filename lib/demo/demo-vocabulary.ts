import type { TVocabularyKind } from "@/lib/vocabulary/schemas";

/**
 * ClinReview ships no vocabulary; the demo adds a small AlpaCare-style one (topic, view, type),
 * reusing any live term an admin already has under the same spelling.
 */
export const DEMO_TERMS: Record<TVocabularyKind, string[]> = {
  TOPIC: [
    "Cardiology",
    "Endocrinology",
    "Infectious disease",
    "Paediatrics",
    "Pharmacology",
    "Emergency medicine",
  ],
  VIEW: ["Patient", "Clinician", "Medical student"],
  TYPE: [
    "Open Q&A",
    "Multiple-choice Q&A",
    "Single-hop reasoning",
    "Multi-hop reasoning",
    "Classification",
    "Summarization",
    "Rewrite",
    "Text generation",
  ],
};
