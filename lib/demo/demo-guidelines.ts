/** The demo's rater guidelines (issue 15 item 4): one version each, so the demo clinician acknowledges on first entry. */
export const DEMO_AUDIT_GUIDELINES = {
  guidelines: [
    "## How to review",
    "",
    "1. Read the **instruction** and the **input** first, then the answer.",
    "2. **Accept** only what you would hand to a patient as it is.",
    "3. **Revise** when a small edit makes it right: correct the text in place.",
    "4. **Reject** anything unsafe, or wrong beyond a quick fix.",
    "",
    "Tick every flag that applies, and say why in the rationale when you reject.",
  ].join("\n"),
  definitions: {
    factual_error: "A statement that is medically wrong, or made up.",
    unsafe_advice: "Advice that could harm a patient if followed (doses, delays, self-treatment).",
    incomplete: "Leaves out a step or warning a patient needs.",
  },
};

export const DEMO_STUDY_GUIDELINES = {
  guidelines: [
    "## How to compare",
    "",
    "- Read **both** answers in full before choosing.",
    "- Judge each criterion on its own: a correct answer can still be unhelpful.",
    "- Choose *Tie* when neither is better; *Both bad* when you would use neither.",
  ].join("\n"),
  definitions: {
    correctness: "Medically accurate: no factual, dosing or safety errors.",
    helpfulness: "Answers the question asked, completely and usably.",
  },
};
