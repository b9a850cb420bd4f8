// The legacy telegram format: parse (tolerant, with warnings) and render (exact).
export { parseTelegram, type ParseOptions } from "./parse-telegram.ts";
export { renderTelegram } from "./render-telegram.ts";
export { pageLines, wrapLine } from "./page-lines.ts";
export {
  declassifiedMarking,
  releasableVersion,
  withdrawalCard,
  type DeclassificationStamp,
  type WithdrawalCard,
} from "./releasable-version.ts";
