// A campaign question ("Does the country recognize Kosovo?") and its ordered scale of positions, each with the
// colour the map paints it.

/** One position on a question's scale: a stable code, a label for people and a CSS colour. */
export type Position = { code: string; label: string; colour: string };

/** A question: its id, its wording and its scale, ordered from the most to the least favourable position. */
export type Question = { id: string; title: string; positions: readonly Position[] };

/** The default five-point scale, for questions put to governments. */
export const DEFAULT_POSITIONS: readonly Position[] = [
  { code: "supports", label: "supports", colour: "#1a9850" },
  { code: "leaning_for", label: "leaning for", colour: "#91cf60" },
  { code: "undecided", label: "undecided", colour: "#bdbdbd" },
  { code: "leaning_against", label: "leaning against", colour: "#fc8d59" },
  { code: "opposes", label: "opposes", colour: "#d73027" },
];

/** The scale of a recognition question: a state recognizes, does not, or withdrew a recognition it gave. */
export const RECOGNITION_POSITIONS: readonly Position[] = [
  { code: "recognizes", label: "recognizes", colour: "#1a9850" },
  { code: "does_not_recognize", label: "does not recognize", colour: "#d73027" },
  { code: "withdrew_recognition", label: "withdrew recognition", colour: "#fdae61" },
];

/** The campaign question of issue 16's seed, answered by `kosovo-recognitions.json`. */
export const KOSOVO_RECOGNITION: Question = {
  id: "kosovo-recognition",
  title: "Does the state recognize the Republic of Kosovo?",
  positions: RECOGNITION_POSITIONS,
};
