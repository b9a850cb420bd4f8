// Describes the machine a benchmark ran on, so its figures can be compared with other runs.
import { readFileSync } from "node:fs";
import { cpus, totalmem, platform, release, arch, loadavg } from "node:os";

/**
 * One line naming the CPU model, core count, memory, OS and Node version. Every benchmark prints it with its figures,
 * because a rate means nothing without the machine that produced it.
 * @example describeMachine() // "Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores, 23.4 GB RAM, linux 6.1.0 x64, Node v20.20.2"
 */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const memory = (totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cores.length} cores, ${memory} GB RAM, ${platform()} ${release()} ${arch()}, Node ${process.version}`;
}

/**
 * The load average over 1, 5 and 15 minutes: figures are only as good as the machine was quiet.
 * @example loadLine() // "0.42, 0.61, 0.70"
 */
export function loadLine(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
}

/**
 * CPU time another process has used so far, in ms, from Linux's /proc (user and system clock ticks, 100 a second);
 * null where there is no /proc or the process has gone.
 * @example processCpuMs(natsServerPid) // 1230
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
