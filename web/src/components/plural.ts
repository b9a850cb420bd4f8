// Counted nouns in the interface's English: "1 note", "3 notes", so that no page ever says "1 notes".

/**
 * The count and the noun, singular for exactly one, else the plural (the noun with an s unless given).
 * @example plural(1, "note") // "1 note"
 * @example plural(3, "note") // "3 notes"
 * @example plural(2, "reply", "replies") // "2 replies"
 */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? word : many}`;
}
