// Reads a legacy telegram into the cable model. (Being written: the full parser lands next.)
import { emptyCable, type Cable } from "../core/index.ts";

export type ParseOptions = { id?: string; year?: number };

export function parseTelegram(text: string, _options: ParseOptions = {}): Cable {
  const cable = emptyCable();
  cable.body = text;
  return cable;
}
