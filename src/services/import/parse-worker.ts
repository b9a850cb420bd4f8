// The parse worker: turns telegram texts into cables off the main thread, so parsing and storing overlap. It also
// builds each cable's stored record (index text, access locks; the hints the text was parsed with, in place of the
// model, which is parsed again when read): the main thread then only writes.
import { parentPort } from "node:worker_threads";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { cableFromTelegram, type ParsedTelegram, type TelegramHints } from "../archive/cable-from-telegram.ts";

/** A job sent to the worker, and its answer. `seq` pairs them. */
export type ParseJob = { seq: number; text: string; hints: TelegramHints };
export type ParseAnswer = { seq: number; built: ParsedTelegram };

parentPort?.on("message", (job: ParseJob) => {
  const built = cableFromTelegram(job.text, job.hints);
  // Source and archive time are the archive's to set; the rest of the record is the cable's alone. The text goes
  // back as null: the main thread has it, and copying each cable's text back would cost it more than it saves.
  let answer: ParseAnswer;
  if ("code" in built) answer = { seq: job.seq, built };
  else {
    const { cable, warnings } = built;
    const citing = { id: cable.id, origin: cable.origin, references: cable.references.map((r) => ({ id: r.id })) };
    answer = {
      seq: job.seq,
      built: { record: cableRecordOf(cable, null, null, "", job.hints, job.text), citing, warnings },
    };
  }
  parentPort!.postMessage(answer);
});
