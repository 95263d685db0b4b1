// The result POST's connect-time guard: a name that resolves to a private address is refused
// before any connection unless the tenant allows private hosts, and so is a private IP literal.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebhookSender } from "../src/webhooks/sender.js";

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    req.resume();
    // /slow never answers.
    if (req.url !== "/slow") req.on("end", () => res.end("ok"));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// A resolver standing in for DNS: every name is the loopback address.
const toLoopback = (
  _name: string,
  _options: unknown,
  callback: (error: Error | null, addresses: { address: string; family: number }[]) => void,
) => callback(null, [{ address: "127.0.0.1", family: 4 }]);

describe("WebhookSender", () => {
  it.each([
    {
      name: "a name resolving to loopback, private hosts not allowed",
      url: () => `http://partner.example:${port}/r`,
      allowPrivate: false,
      refused: true,
    },
    { name: "a loopback literal, private hosts not allowed", url: () => `http://127.0.0.1:${port}/r`, allowPrivate: false, refused: true },
    { name: "an IPv4-mapped loopback literal", url: () => `http://[::ffff:127.0.0.1]:${port}/r`, allowPrivate: false, refused: true },
    {
      name: "a name resolving to loopback, private hosts allowed",
      url: () => `http://partner.example:${port}/r`,
      allowPrivate: true,
      refused: false,
    },
  ])("$name", async ({ url, allowPrivate, refused }) => {
    const sender = new WebhookSender({ timeoutMs: 2000, resolve: toLoopback });
    const before = hits;
    const result = await sender.post(url(), "a=1", { "idempotency-key": "k" }, allowPrivate);
    sender.close();
    if (refused) {
      expect(result).toMatchObject({ refused: true });
      expect(result.status).toBeUndefined();
      expect(hits).toBe(before);
    } else {
      expect(result).toEqual({ status: 200 });
      expect(hits).toBe(before + 1);
    }
  });

  it("uses the fixed addresses of the configuration before DNS, under the same rule", async () => {
    const sender = new WebhookSender({
      timeoutMs: 2000,
      hostAddresses: { "Partner.Example": "127.0.0.1" },
      resolve: () => {
        throw new Error("no DNS here");
      },
    });
    expect(await sender.post(`http://partner.example:${port}/r`, "", {}, false)).toMatchObject({ refused: true });
    expect(await sender.post(`http://partner.example:${port}/r`, "", {}, true)).toEqual({ status: 200 });
    sender.close();
  });

  it("gives up on an answer that does not come within the time limit", async () => {
    const sender = new WebhookSender({ timeoutMs: 200 });
    const result = await sender.post(`http://127.0.0.1:${port}/slow`, "", {}, true);
    expect(result.error).toMatch(/no answer within 200 ms/);
    expect(result.refused).toBe(false);
    sender.close();
  });
});
