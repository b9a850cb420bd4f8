// Sends alerts by e-mail over plain SMTP to a relay on the local network (no TLS, no authentication: the relay does
// both). Enough for a duty mailbox without another dependency.
import { connect, type Socket } from "node:net";
import { numberFromEnv, type NumberSetting } from "../number-setting.ts";
import { alertLine, type AlertMessage, type AlertSender } from "./alert-sender.ts";

export type SmtpOptions = { host: string; port?: number; from: string; timeoutMs?: number };

/** The relay's port when CABLEGRAM_SMTP_PORT is unset. */
export const DEFAULT_SMTP_PORT = 25;

/** How CABLEGRAM_SMTP_PORT is read: a TCP port, 1 to 65535. */
const SMTP_PORT_SETTING: NumberSetting = {
  variable: "CABLEGRAM_SMTP_PORT",
  min: 1,
  max: 65_535,
  whole: true,
  unit: "",
  kind: "a port number",
  meaning: "the port of the SMTP relay in CABLEGRAM_SMTP_HOST, a whole number",
  examples: "25, or 587",
  unset: `the default of ${DEFAULT_SMTP_PORT}`,
};

/**
 * Reads the SMTP relay from the environment: CABLEGRAM_SMTP_HOST (required to enable it), CABLEGRAM_SMTP_PORT
 * (default 25), CABLEGRAM_SMTP_FROM (default cablegram@localhost). Null when no host is set. A port that is not a
 * whole number from 1 to 65535 throws SETTING_INVALID, with a host or without: it failed every sending before
 * (NaN, or 0 for an empty value), and a port set for a relay not yet named is a mistake waiting for it.
 * @example smtpOptionsFromEnv({ CABLEGRAM_SMTP_HOST: "relay.post.example" }) // { host: "relay.post.example", port: 25, ... }
 * @example smtpOptionsFromEnv({ CABLEGRAM_SMTP_HOST: "relay", CABLEGRAM_SMTP_PORT: "25a" }) // throws SETTING_INVALID
 */
export function smtpOptionsFromEnv(env: NodeJS.ProcessEnv): SmtpOptions | null {
  const port = numberFromEnv(env, SMTP_PORT_SETTING) ?? DEFAULT_SMTP_PORT;
  const host = env.CABLEGRAM_SMTP_HOST;
  if (!host) return null;
  return { host, port, from: env.CABLEGRAM_SMTP_FROM ?? "cablegram@localhost" };
}

/**
 * A sender that mails the alert to the officer's e-mail address through the relay.
 * @example await smtpSender({ host: "127.0.0.1", port: 2525, from: "cablegram@post" }).send(message)
 */
export function smtpSender(options: SmtpOptions): AlertSender {
  return {
    name: "smtp",
    async send(message: AlertMessage) {
      const to = message.officer?.email;
      if (!to) return false;
      await smtpMail(options, {
        to,
        subject: alertLine(message),
        text: [
          `Cable ${message.cableId} (${message.classification ?? "classification unknown"}) reached ${message.post}`,
          `at ${message.precedence}. Acknowledge it: POST /api/alerts/${message.alertId}/ack`,
        ].join("\n"),
      });
      return true;
    },
  };
}

/** A plain-text e-mail to one address. */
export type Mail = { to: string; subject: string; text: string };

/**
 * Sends one plain-text e-mail through the relay; rejects with the relay's answer when it refuses, or on a timeout.
 * Line breaks, even a bare one, go as CRLF: a header line cannot be smuggled in through the subject.
 * @example await smtpMail({ host: "127.0.0.1", port: 2525, from: "cablegram@post" }, { to: "dana@state.example", subject: "Cleared", text: "..." })
 */
export async function smtpMail(options: SmtpOptions, mail: Mail): Promise<void> {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");
  const body = [
    `From: ${options.from}`,
    `To: ${oneLine(mail.to)}`,
    `Subject: ${oneLine(mail.subject)}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    ...mail.text.split(/\r?\n|\r/),
  ].join("\r\n");
  await smtpConversation(options, mail.to, body);
}

/** One SMTP exchange: greeting, HELO, MAIL, RCPT, DATA, QUIT; any reply outside 2xx/3xx is an error. */
async function smtpConversation(options: SmtpOptions, to: string, body: string): Promise<void> {
  const socket = connect({ host: options.host, port: options.port ?? 25 });
  socket.setTimeout(options.timeoutMs ?? 10_000, () => socket.destroy(new Error("SMTP relay timed out")));
  const replies = replyReader(socket);
  try {
    await expect(replies, 220);
    const steps: [string, number][] = [
      ["HELO cablegram", 250],
      [`MAIL FROM:<${options.from}>`, 250],
      [`RCPT TO:<${to}>`, 250],
      ["DATA", 354],
      // Dot-stuffing: a line starting with "." gets another.
      [`${body.replace(/^\./gm, "..")}\r\n.`, 250],
      ["QUIT", 221],
    ];
    for (const [line, code] of steps) {
      socket.write(`${line}\r\n`);
      await expect(replies, code);
    }
  } finally {
    socket.end();
  }
}

async function expect(replies: () => Promise<string>, code: number): Promise<void> {
  const reply = await replies();
  if (!reply.startsWith(String(code))) throw new Error(`SMTP relay answered "${reply.trim()}", expected ${code}`);
}

/** Reads complete SMTP replies (the last line of a multi-line reply has a space after the code). */
function replyReader(socket: Socket): () => Promise<string> {
  let buffer = "";
  const waiting: ((reply: string) => void)[] = [];
  const failing: ((error: Error) => void)[] = [];
  const ready: string[] = [];
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3}-/.test(line)) continue;
      const resolve = waiting.shift();
      failing.shift();
      if (resolve) resolve(line);
      else ready.push(line);
    }
  });
  const fail = (error: Error) => {
    for (const reject of failing.splice(0)) reject(error);
    waiting.splice(0);
  };
  socket.on("error", fail);
  socket.on("close", () => fail(new Error("SMTP relay closed the connection")));
  return () =>
    ready.length > 0
      ? Promise.resolve(ready.shift()!)
      : new Promise<string>((resolve, reject) => {
          waiting.push(resolve);
          failing.push(reject);
        });
}
