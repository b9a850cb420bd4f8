// The declassification schedule: reading E.O. lines, review dates and their reasons, who may see them. Pure.
export * from "./stated-date.ts";
export * from "./decl-instruction.ts";
export * from "./executive-order-text.ts";
export * from "./declass-basis.ts";
export * from "./review-date.ts";
export * from "./due-status.ts";
export * from "./schedule-roles.ts";
export * from "./release-proposal.ts";
