// Which parser derived an archived telegram's record: a hash of the source of every module the parse and the record
// are computed by (cable-from-telegram.ts, cable-record-of.ts and what they import at run time), with the versions of
// the packages they use. It changes whenever the parse of a telegram can change, with no constant to remember to
// bump and no sample of cables that could miss a change: a change that alters no record costs one pass over the
// archive that finds nothing to re-derive, while a forgotten bump would leave cables guarded by stale locks.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The modules a telegram's record is derived by; everything they import at run time is followed. */
const ROOTS = ["services/archive/cable-from-telegram.ts", "services/archive/cable-record-of.ts"];
/** Characters of the hash kept: enough that two parsers never share one by chance. */
const LENGTH = 16;

let memo: string | null = null;

/**
 * The version of the parser this process runs (memoised: the sources are read once).
 * @example parserVersion() // "3f9c2a7d1e0b4c55"
 */
export function parserVersion(): string {
  memo ??= versionOf(ROOTS.map((r) => resolve(SRC, r)));
  return memo;
}

/**
 * The hash of the modules reached from `roots` by run-time imports (`import type` is skipped: it leaves no code),
 * each by its path under src and its bytes, and of the packages they import by name and version.
 * @example versionOf(["/repo/src/telegram/index.ts"]).length // 16
 */
export function versionOf(roots: readonly string[]): string {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const text = readFileSync(file, "utf8");
    files.set(file, text);
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    for (const specifier of runtimeImports(text)) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith("node:")) packages.add(packageName(specifier));
    }
  }
  const hash = createHash("sha256");
  for (const file of [...files.keys()].sort()) {
    const text = files.get(file)!;
    hash.update(`${relative(SRC, file)}\u0000${text.length}\u0000`).update(text);
  }
  for (const name of [...packages].sort()) hash.update(`${name}@${packageVersion(name, roots[0]!)}\u0000`);
  return hash.digest("hex").slice(0, LENGTH);
}

/** The specifiers of a module's imports and re-exports that load code. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(statement)) {
    // `import type { A }` and `export type { A }` load nothing; `import { type A, b }` does.
    if (m[2] === undefined) found.push(m[4]!);
  }
  for (const m of text.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) found.push(m[1]!);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function packageVersion(name: string, from: string): string {
  try {
    const require = createRequire(from);
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version?: string };
    return manifest.version ?? "?";
  } catch {
    return "?";
  }
}
