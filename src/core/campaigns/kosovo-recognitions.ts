// The Kosovo recognition events (kosovo-recognitions.json, built by scripts/build-kosovo-recognitions.ts from the
// checked CSV in ../shared/reference), validated at import so a bad row fails loudly.
import { z } from "zod";
import data from "./kosovo-recognitions.json" with { type: "json" };
import { PositionEventSchema, type PositionEvent } from "./position-event.ts";

/** Every recognition of Kosovo and every announced withdrawal, one event each; complete to 2010-12-31. */
export const KOSOVO_RECOGNITION_EVENTS: readonly PositionEvent[] = z.array(PositionEventSchema).parse(data);
