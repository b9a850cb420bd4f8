// A minimal SMTP relay for tests: a real TCP listener speaking just enough SMTP, recording each message's DATA.
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * Starts a relay on a free local port; `messages` fills as mail arrives, `server.close()` stops it.
 * @example const relay = await smtpRelay(); smtpSender({ host: "127.0.0.1", port: relay.port, from: "cg@test" })
 */
export async function smtpRelay(): Promise<{ port: number; messages: string[]; server: TcpServer }> {
  const messages: string[] = [];
  const server = createTcpServer((socket) => {
    let buffer = "";
    let data: string | null = null;
    socket.write("220 test relay\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === ".") {
            messages.push(data);
            data = null;
            socket.write("250 queued\r\n");
          } else data += `${line}\n`;
        } else if (line === "DATA") {
          data = "";
          socket.write("354 go ahead\r\n");
        } else if (line === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, messages, server };
}
