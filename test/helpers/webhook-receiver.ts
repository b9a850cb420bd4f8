// A webhook receiver on loopback that records each JSON body it is sent, for the alert tests.
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A webhook receiver recording the JSON bodies posted to it. */
export async function webhookReceiver(): Promise<{ url: string; bodies: Record<string, unknown>[]; server: Server }> {
  const bodies: Record<string, unknown>[] = [];
  const server = createHttpServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, server };
}
