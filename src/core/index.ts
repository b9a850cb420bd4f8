// The core: the cable model and its rules. Pure: no I/O, no clock, no randomness.
export * from "./cable.ts";
export * from "./cable-id.ts";
export * from "./caveats.ts";
export * from "./classification.ts";
export * from "./precedence.ts";
export * from "./assert-never.ts";
export * from "./cable-issue.ts";
export * from "./declassification.ts";
export * from "./fips-countries.ts";
export * from "./tag-registry.ts";
export * from "./tags.ts";
export * from "./validate.ts";
export * from "./action-request.ts";
export * from "./countries/iso-date.ts";
export * from "./countries/iso-countries.ts";
export * from "./countries/tag-countries.ts";
export * from "./blocs/blocs.ts";
