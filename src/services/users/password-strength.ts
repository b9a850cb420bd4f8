// Password strength by zxcvbn-ts: common passwords, breached-list entries, dictionary words, keyboard walks and
// dates score low, whatever their length. Its dictionaries load on the first check only.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

/** zxcvbn's scale runs 0 to 4; 3 is "safely unguessable" against an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  });
  return checker;
}

/**
 * Why a password is too weak, in zxcvbn's words (its warning, then its suggestions), or null when it scores at
 * least MIN_PASSWORD_SCORE.
 * @example passwordWeakness("password1") // "too easy to guess (score 0 of 4, need 3): This is a commonly used password. Add more words that are less common."
 * @example passwordWeakness("correct horse battery") // null
 */
export function passwordWeakness(password: string): string | null {
  const result: ZxcvbnResult = zxcvbn().check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  const why = `too easy to guess (score ${result.score} of 4, need ${MIN_PASSWORD_SCORE})`;
  return advice ? `${why}: ${advice}` : `${why}: use a longer passphrase of uncommon words`;
}
