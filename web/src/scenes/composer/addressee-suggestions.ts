// Autocomplete for addressees: the directory's posts (by PLAD, station or routing indicator), collectives and
// offices matching what the drafter typed, best matches first. Pure: the directory and the text in, entries out.
import type { Collective, Office, Post } from "../../api/types.ts";
import { plural } from "../../components/plural.ts";

/** The directory as the composer holds it (GET /api/directory/{posts,offices,collectives}). */
export type DirectoryLists = { posts: Post[]; offices: Office[]; collectives: Collective[] };

/** One suggestion: `value` goes on the addressee line; `detail` says what it is. */
export type AddresseeSuggestion = {
  value: string;
  kind: "post" | "collective" | "office";
  detail: string;
};

/**
 * Directory entries matching `text`: exact station, routing indicator or office code first, then names starting
 * with it, then names with a word starting with it. Case-insensitive; fewer than two letters find nothing.
 * @example suggestAddressees(directory, "pana")[0] // { value: "AMEMBASSY PANAMA", kind: "post", detail: "PANAMA · RUEHZP" }
 * @example suggestAddressees(directory, "io/u")[0] // { value: "IO/UNP", kind: "office", detail: "..." }
 */
export function suggestAddressees(directory: DirectoryLists, text: string, limit = 8): AddresseeSuggestion[] {
  const q = text.trim().toUpperCase().replace(/\s+/g, " ");
  if (q.length < 2) return [];
  const scored: { s: AddresseeSuggestion; score: number }[] = [];
  const consider = (s: AddresseeSuggestion, codes: (string | null)[], names: string[]) => {
    const score = rank(q, codes, names);
    if (score !== null) scored.push({ s, score });
  };
  for (const p of directory.posts) {
    const detail = [p.station, p.routingIndicator, p.kind].filter((x) => x).join(" · ");
    consider({ value: p.name, kind: "post", detail }, [p.station, p.routingIndicator], [p.name]);
  }
  for (const c of directory.collectives) {
    const members = plural(c.members.length, "post");
    const detail = ["collective", c.routingIndicator, members].filter((x) => x).join(" · ");
    consider({ value: c.name, kind: "collective", detail }, [c.routingIndicator], [c.name]);
  }
  for (const o of addressableOffices(directory)) {
    const detail = ["office", o.name, o.post].filter((x) => x).join(" · ");
    consider({ value: o.code, kind: "office", detail }, [o.code], [o.name ?? ""]);
  }
  scored.sort((a, b) => a.score - b.score || a.s.value.length - b.s.value.length || a.s.value.localeCompare(b.s.value));
  return scored.slice(0, limit).map((x) => x.s);
}

function rank(q: string, codes: (string | null)[], names: string[]): number | null {
  if (codes.some((c) => c === q)) return 0;
  const upper = names.map((n) => n.toUpperCase());
  if (upper.some((n) => n === q)) return 0;
  if (codes.some((c) => c?.startsWith(q))) return 1;
  // "PANAMA" finds "AMEMBASSY PANAMA": the word after the post's kind is what drafters type.
  if (upper.some((n) => n.startsWith(q) || n.replace(/^\S+\s+/, "").startsWith(q))) return 2;
  if (upper.some((n) => n.split(/[^A-Z0-9/]+/).some((w) => w.startsWith(q)))) return 3;
  if (upper.some((n) => n.includes(q))) return 4;
  return null;
}

/**
 * The offices a bare code addresses, as the server resolves one: the Department's, or the one post's that has it.
 * An embassy's POL is one of hundreds: it is addressed through its post, never as `POL` alone.
 */
function addressableOffices(directory: DirectoryLists): Office[] {
  const headquarters = new Set(directory.posts.filter((p) => p.kind === "headquarters").map((p) => String(p.name)));
  const count = new Map<string, number>();
  for (const o of directory.offices) count.set(o.code, (count.get(o.code) ?? 0) + 1);
  const seen = new Set<string>();
  return directory.offices.filter((o) => {
    const addressable = count.get(o.code) === 1 || headquarters.has(String(o.post ?? ""));
    if (!addressable || seen.has(o.code)) return false;
    seen.add(o.code);
    return true;
  });
}

/**
 * Whether a name is an addressee of the directory: a post by PLAD, station or routing indicator, a collective,
 * or an office its code addresses.
 * @example isKnownAddressee(directory, "AMEMBASSY PANAMA") // true
 * @example isKnownAddressee(directory, "AMEMBASSY BRUSELS") // false
 */
export function isKnownAddressee(directory: DirectoryLists, name: string): boolean {
  const n = name.trim().toUpperCase().replace(/\s+/g, " ");
  return (
    directory.posts.some((p) => p.name === n || p.station === n || p.routingIndicator === n) ||
    directory.collectives.some((c) => c.name === n || c.routingIndicator === n) ||
    addressableOffices(directory).some((o) => o.code === n)
  );
}

/**
 * The posts and collectives whose names are nearest a mistyped one (a few letters apart), nearest first.
 * @example closeAddressees(directory, "AMEMBASSY BRUSELS") // ["AMEMBASSY BRUSSELS", "USEU BRUSSELS"]
 */
export function closeAddressees(directory: DirectoryLists, name: string, limit = 3): string[] {
  const n = name.trim().toUpperCase().replace(/\s+/g, " ");
  const names = [...directory.posts.map((p) => String(p.name)), ...directory.collectives.map((c) => String(c.name))];
  const bound = Math.max(2, Math.floor(n.length / 4));
  return names
    .map((candidate) => ({ candidate, d: distance(n, candidate) }))
    .filter((x) => x.d <= bound)
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((x) => x.candidate);
}

/** Levenshtein distance: the edits that turn one name into the other. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
