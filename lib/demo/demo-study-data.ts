// Synthetic answers of two made-up models to patient questions, written for the demo.
export const DEMO_MODELS = ["model-alpha", "model-beta"] as const;

export const DEMO_PROMPTS: readonly { instruction: string; alpha: string; beta: string }[] = [
  {
    instruction: "I have had a headache for two days. When should I see a doctor?",
    alpha:
      "Most headaches settle with rest, fluids and simple painkillers. See a doctor urgently if it came on suddenly and severely, follows a head injury, or comes with fever and a stiff neck, a rash, confusion, weakness, or changes in vision or speech. If you are over 50 and this is a new kind of headache, get it checked soon.",
    beta: "Headaches usually get better on their own. Try paracetamol and drink water. If it lasts more than a week, see your doctor.",
  },
  {
    instruction: "What can I do to lower my blood pressure without medication?",
    alpha:
      "Cut down on salt (under 6 g a day), eat plenty of fruit and vegetables, keep to a healthy weight, be active for at least 150 minutes a week, limit alcohol and stop smoking. Keep taking any prescribed tablets unless your doctor changes them.",
    beta: "Reduce salt, exercise regularly, lose weight if you are overweight and drink less alcohol. Each of these can lower blood pressure by a few points, and together they add up.",
  },
  {
    instruction: "Is it safe to take ibuprofen with my blood pressure tablets?",
    alpha:
      "Ibuprofen can raise blood pressure and, with some blood pressure tablets (ACE inhibitors, ARBs, water tablets), strain the kidneys, especially if you are dehydrated. Paracetamol is usually a safer first choice. Ask your pharmacist before using ibuprofen regularly.",
    beta: "Yes, ibuprofen is fine to take with blood pressure medicine.",
  },
  {
    instruction: "My child has a temperature of 38.5 °C. What should I do?",
    alpha:
      "Keep them comfortable, offer regular drinks, and give paracetamol or ibuprofen at the dose for their age if they are distressed. Do not over-wrap them. Get urgent help if they are under three months old, have a rash that does not fade when pressed, are hard to wake, or breathe fast or with difficulty.",
    beta: "Give children's paracetamol and offer drinks. Call a doctor if the fever lasts more than five days, if your child is under three months old, or if they seem very unwell or drowsy.",
  },
  {
    instruction: "How do I use my asthma inhaler correctly?",
    alpha:
      "Shake the inhaler, breathe out fully, seal your lips around the mouthpiece and press once as you start a slow, deep breath in, then hold your breath for about 10 seconds. Wait 30 seconds before a second puff. A spacer gets more medicine into your lungs. Rinse your mouth after a steroid inhaler.",
    beta: "Shake it, breathe out, put it in your mouth and press while breathing in slowly. Hold your breath for 10 seconds. A spacer helps.",
  },
  {
    instruction: "What are the side effects of metformin?",
    alpha:
      "The most common are stomach upset, diarrhoea, nausea and a metallic taste; taking it with food and increasing the dose slowly helps, and a slow-release form may suit you better. Long-term use can lower vitamin B12. A rare but serious effect, lactic acidosis, is more likely if you are very unwell or dehydrated.",
    beta: "Diarrhoea, nausea and stomach ache are common at first and usually settle. Take it with meals.",
  },
  {
    instruction: "Can I drink alcohol while taking antibiotics?",
    alpha:
      "With most antibiotics moderate drinking is not dangerous, but alcohol can slow your recovery. Avoid alcohol completely with metronidazole and tinidazole, and for two to three days after the course, as it can cause severe sickness, flushing and a fast heartbeat.",
    beta: "You should never drink alcohol with any antibiotic because it stops them working.",
  },
  {
    instruction: "What should I do if I think someone is having a stroke?",
    alpha:
      "Think FAST: Face drooping, Arm weakness, Speech difficulty, Time to call emergency services. Call straight away, note when the symptoms started and do not give them anything to eat or drink.",
    beta: "Call an ambulance immediately. Signs include a drooping face, a weak arm and slurred speech. Note the time the symptoms began: treatment depends on it.",
  },
  {
    instruction: "How long should I stay off work with the flu?",
    alpha:
      "Stay at home until you have had no fever for at least 24 hours without fever-reducing medicine and feel well enough, usually about a week. Rest, drink fluids and take paracetamol for aches. Get help if you become short of breath or have chest pain.",
    beta: "Usually about a week. Go back when your fever has gone and you feel able to work.",
  },
  {
    instruction: "Why do I need to finish my course of antibiotics?",
    alpha:
      "Take antibiotics exactly as prescribed. For many infections shorter courses work as well as longer ones, so follow the length your prescriber chose rather than stopping or extending it yourself, and ask for advice if you feel worse or get side effects.",
    beta: "Finishing the course makes sure all the bacteria are killed and helps prevent resistance.",
  },
];
