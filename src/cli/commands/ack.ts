// `cablegram ack DELIVERY...`: acknowledges deliveries, which stops their escalation and alerts.
import type { Command } from "commander";
import { systemClock } from "../../services/clock.ts";
import { ackDelivery } from "../../services/distribution/index.ts";
import { userOfOption } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

/** Registers `ack`. */
export const ackCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("ack")
    .description("Acknowledge deliveries (ids from `cablegram inbox`).")
    .argument("<delivery...>", "delivery ids")
    .option("--as <user>", "acknowledge as this user (recorded and audited)")
    .addHelpText("after", "\nExample:\n  $ cablegram ack 9b1c2d3e-... --as duty.panama")
    .action(async (ids: string[], args: { as?: string }) =>
      done(
        await runWithStore(io, "ack", async (store) => {
          const user = await userOfOption(store, io, "ack", args.as);
          if (user === undefined) return 2;
          for (const id of ids) {
            const d = await ackDelivery({ store, clock: systemClock }, user, id);
            io.stdout(`${d.id} ${d.cableId} ${d.post} acknowledged by ${d.acknowledgedBy} at ${d.acknowledgedAt}`);
          }
          return 0;
        }),
      ),
    );
};
