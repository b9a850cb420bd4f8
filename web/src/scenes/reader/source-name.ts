// What the reader shows of where a cable was imported from: the file's name, never the server's folders.

/**
 * The last segment of an import source, a file path on the server (POSIX or Windows) or a plain label.
 * @example sourceName("/srv/cablegram/corpus/cablegate/08STATE16245.txt") // "08STATE16245.txt"
 * @example sourceName("seeds") // "seeds"
 */
export function sourceName(source: string): string {
  const trimmed = source.replace(/[\\/]+$/, "");
  return trimmed.slice(Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\")) + 1) || source;
}
