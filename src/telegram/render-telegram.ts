// Writes a cable in the legacy telegram format. (Being written: the full renderer lands next.)
import type { Cable } from "../core/index.ts";

export function renderTelegram(cable: Cable): string {
  return cable.body;
}
