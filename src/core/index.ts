// The core: the cable model and its rules. Pure: no I/O, no clock, no randomness.
export * from "./cable.ts";
export * from "./cable-id.ts";
export * from "./caveats.ts";
export * from "./classification.ts";
export * from "./precedence.ts";
