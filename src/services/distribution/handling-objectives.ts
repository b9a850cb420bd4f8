// Handling-time objectives from the environment (the table itself is in src/core, shared with the web app).
import { DEFAULT_OBJECTIVES, type HandlingObjectives } from "../../core/handling-objectives.ts";
import { PRECEDENCES, type Precedence } from "../../core/index.ts";
import { CablegramError } from "../errors.ts";
import { numberFromEnv } from "../number-setting.ts";

export { DEFAULT_OBJECTIVES, handlingObjectives, type HandlingObjectives } from "../../core/handling-objectives.ts";

const MINUTE = 60_000;
const PREFIX = "CABLEGRAM_OBJECTIVE_";

/**
 * The environment variable that overrides a precedence's objective.
 * @example objectiveVariable("NIACT IMMEDIATE") // "CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE"
 */
export function objectiveVariable(precedence: Precedence): string {
  return `${PREFIX}${precedence.replace(/ /g, "_")}`;
}

/** The range accepted, in minutes: under a minute is shorter than anyone can acknowledge, over a week no deadline. */
export const OBJECTIVE_MINUTES = { min: 1, max: 10_080 } as const;

/**
 * Reads overrides from the environment, in minutes: `CABLEGRAM_OBJECTIVE_FLASH=5`, `CABLEGRAM_OBJECTIVE_ROUTINE=240`;
 * from 1 to 10080 (a week), decimals allowed; unset or empty keeps the default. Anything else, and a
 * CABLEGRAM_OBJECTIVE_ variable that names no precedence (`..._NIACT`), throws SETTING_INVALID naming the variable,
 * the value and what to give instead: a deadline nobody chose would escalate deliveries early or never.
 * @example objectivesFromEnv({ CABLEGRAM_OBJECTIVE_PRIORITY: "60" }) // { PRIORITY: 3_600_000 }
 * @example objectivesFromEnv({ CABLEGRAM_OBJECTIVE_FLASH: "5 min" }) // throws SETTING_INVALID
 */
export function objectivesFromEnv(env: NodeJS.ProcessEnv): Partial<HandlingObjectives> {
  const known = PRECEDENCES.map(objectiveVariable);
  const unknown = Object.keys(env)
    .filter((name) => name.startsWith(PREFIX) && !known.includes(name))
    .sort()[0];
  if (unknown !== undefined) {
    throw new CablegramError(
      "SETTING_INVALID",
      `${unknown} is ${JSON.stringify(env[unknown])} in the environment, but names no precedence: rename it to ` +
        `one of ${known.join(", ")}, or unset it`,
      { variable: unknown, value: env[unknown] },
    );
  }
  const out: Partial<HandlingObjectives> = {};
  for (const p of PRECEDENCES) {
    const minutes = numberFromEnv(env, {
      variable: objectiveVariable(p),
      ...OBJECTIVE_MINUTES,
      whole: false,
      unit: "minutes",
      kind: "a number of minutes",
      meaning: `the minutes a ${p} delivery may wait for acknowledgement before it is escalated`,
      examples: "15, or 2.5",
      unset:
        p === "NIACT IMMEDIATE"
          ? `the default: ${objectiveVariable("IMMEDIATE")} when set, else ${DEFAULT_OBJECTIVES[p] / MINUTE} minutes`
          : `the default of ${DEFAULT_OBJECTIVES[p] / MINUTE} minutes`,
      maxNote: " (a week)",
    });
    if (minutes !== undefined) out[p] = Math.round(minutes * MINUTE);
  }
  return out;
}
