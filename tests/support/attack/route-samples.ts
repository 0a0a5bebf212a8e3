// A valid request body for every /api/v1 route that takes one, keyed "METHOD /path". The attack
// suite sends hostile variants of these (and checks each still passes its route's schema), so the
// attacks reach the code behind the schema. A route with a body and no sample here fails the suite.
const NONE = "00000000-0000-4000-8000-0000000000bb";
const NEW_PASSWORD = "a long new passphrase 42";

export type TRouteSample =
  { query?: string; json: unknown } | { query?: string; raw: { type: string; text: string } };

const jsonl = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join("\n");

export const ROUTE_SAMPLES: Record<string, TRouteSample> = {
  "POST /api/v1/audits": {
    json: {
      datasetId: NONE,
      name: "Attack campaign",
      sampleSize: 5,
      seed: 7,
      reviewersPerItem: 2,
      gold: [{ recordOrdinal: 1, verdict: "accept" }],
    },
  },
  // The shared queue routes take the assignment's feature payload; the sample is a review (the
  // judgement shape is checked by the same route: tests/integration/queue-protocol.test.ts).
  "POST /api/v1/assignments/:id/submit": {
    json: {
      verdict: "revise",
      flags: ["unsafe"],
      correctedOutput: "Better text.",
      rationale: "Dose is wrong.",
      durationMs: 1200,
    },
  },
  "PUT /api/v1/assignments/:id/draft": {
    json: { verdict: "accept", flags: [], rationale: "Half done", elapsedMs: 300 },
  },
  "PUT /api/v1/audits/:id/flags": { json: { flags: [{ key: "unsafe", label: "Unsafe advice" }] } },
  "POST /api/v1/audits/:id/items/:itemId/adjudicate": { json: { verdict: "reject", flags: ["unsafe"] } },
  "PUT /api/v1/studies/:id/raters": { json: { raterIds: [NONE] } },
  "PUT /api/v1/audits/:id/reviewers": { json: { reviewerIds: [NONE] } },
  "PUT /api/v1/audits/:id/guidelines": {
    json: {
      guidelines: "Read the **whole** output.",
      definitions: { incomplete: "Misses a step" },
      baseVersion: null,
    },
  },
  "POST /api/v1/audits/:id/guidelines/acknowledgements": { json: { version: 1 } },
  "PUT /api/v1/studies/:id/guidelines": {
    json: { guidelines: "Compare both answers in full.", definitions: { correctness: "Medically right" } },
  },
  "POST /api/v1/studies/:id/guidelines/acknowledgements": { json: { version: 1 } },
  "POST /api/v1/studies": {
    json: {
      name: "Attack study",
      criteria: ["Accuracy"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      attentionCheckShare: 0.1,
    },
  },
  "PATCH /api/v1/studies/:id": { json: { title: "Study of dosing answers" } },
  "PUT /api/v1/studies/:id/identity-revealing": { json: { include: true } },
  "PUT /api/v1/studies/:id/allocation": { json: { allocation: "adaptive", allocationGoal: "ranking" } },
  "PUT /api/v1/seeds/:id/draft": {
    json: { baseVersion: 1, payload: { instruction: "Explain asthma steps.", difficulty: 2 } },
  },
  "PUT /api/v1/seeds/:id": {
    json: {
      baseVersion: 1,
      instruction: "Explain the stepwise management of asthma.",
      input: "",
      difficulty: 3,
      specialtyTags: ["respiratory"],
    },
  },
  "POST /api/v1/seeds": {
    json: {
      instruction: "Explain the stepwise management of asthma.",
      input: "",
      difficulty: 3,
      specialtyTags: ["respiratory"],
    },
  },
  "POST /api/v1/seeds/:id/phi/false-positive": { json: { field: "instruction", fingerprint: "abc123" } },
  "POST /api/v1/seeds/:id/phi/redact": { json: { field: "instruction", fingerprint: "abc123" } },
  "POST /api/v1/seeds/:id/review": {
    json: { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Add a dose." },
  },
  "POST /api/v1/seeds/:id/submit": { json: { baseVersion: 1 } },
  "POST /api/v1/datasets": {
    query: "name=attack",
    raw: {
      type: "application/x-ndjson",
      text: jsonl(
        { instruction: "What is angina?", input: "", output: "Chest pain from ischaemia.", score: 4 },
        { instruction: "Treat fever?", input: "", output: "Fluids and rest.", score: 3 },
      ),
    },
  },
  "POST /api/v1/studies/:id/outputs": {
    raw: {
      type: "application/json",
      text: JSON.stringify([
        { instruction: "What is angina?", output: "Chest pain.", generator: "model-a" },
        { instruction: "What is angina?", output: "Ischaemic pain.", generator: "model-b" },
      ]),
    },
  },
  "POST /api/v1/studies/:id/judge-annotations": {
    query: "judge=gpt4&criterion=accuracy",
    raw: {
      type: "application/json",
      text: JSON.stringify([
        { instruction: "What is angina?", generator_1: "model-a", generator_2: "model-b", preference: 1.5 },
      ]),
    },
  },
  "POST /api/v1/seeds/import": {
    query: "dryRun=0",
    raw: {
      type: "application/x-ndjson",
      text: jsonl({
        topic: "Cardiology",
        view: "Clinician",
        type: "Explanation",
        instruction: "Explain angina.",
        input: "<noinput>",
        difficulty: "3",
      }),
    },
  },
  // Accounts and users (were server actions until issue 14). Ids name nothing; passwords are wrong.
  "PUT /api/v1/me/password": {
    json: { current: "not the password", password: NEW_PASSWORD, confirm: NEW_PASSWORD },
  },
  "POST /api/v1/tokens": { json: { name: "attack suite", expiresInDays: 30 } },
  "POST /api/v1/users": { json: { email: "invited@attack.test", role: "CLINICIAN" } },
  "PUT /api/v1/users/:id/role": { json: { role: "RESEARCHER" } },
  "POST /api/v1/setup": {
    json: { name: "First Admin", email: "first@attack.test", password: NEW_PASSWORD, confirm: NEW_PASSWORD },
  },
  "POST /api/v1/password-resets": { json: { email: "nobody@attack.test" } },
  "POST /api/v1/account-links/accept": {
    json: {
      token: "not-a-real-link-token",
      name: "New Person",
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    },
  },
  // Vocabulary (issue 15): the ids name nothing, so an admitted call changes nothing.
  "POST /api/v1/vocabulary/terms": { json: { kind: "TOPIC", label: "Attack suite topic" } },
  "PATCH /api/v1/vocabulary/terms/:id": { json: { label: "Attack rename", keepOldAsAlias: true } },
  "POST /api/v1/vocabulary/terms/:id/aliases": { json: { alias: "Attack alias" } },
  "POST /api/v1/vocabulary/terms/:id/aliases/remove": { json: { alias: "Attack alias" } },
  "POST /api/v1/vocabulary/terms/:id/retire": { json: { replacementId: NONE } },
  "POST /api/v1/vocabulary/mappings": {
    json: { mappings: [{ action: "alias", kind: "TYPE", termId: NONE, spellings: ["Attack spelling"] }] },
  },
  // Issue 17 item 3 (webhooks): the allowlist check comes after the schema, so any URL passes here.
  "POST /api/v1/webhooks": { json: { url: "https://hooks.example.test/in", events: ["seed.approved"] } },
  "PATCH /api/v1/webhooks/:id": { json: { enabled: false, events: ["seed.approved"] } },
};
