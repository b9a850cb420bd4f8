// The number of matches in words, with the lower bound the server gives past 10,000 shown as such.

/**
 * How many cables match, for the live status line.
 * @example formatTotal(10000, true) // "10,000+ cables"
 * @example formatTotal(1, false) // "1 cable"
 * @example formatTotal(0, false) // "No cables"
 */
export function formatTotal(total: number, isLowerBound: boolean): string {
  if (total === 0 && !isLowerBound) return "No cables";
  const figure = total.toLocaleString("en-US") + (isLowerBound ? "+" : "");
  return `${figure} ${total === 1 && !isLowerBound ? "cable" : "cables"}`;
}
