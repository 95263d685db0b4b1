// The runner's own receiver for result POSTs (CONTRACT §5), on loopback: each POST is kept
// with its headers and raw body until a scenario asks for the one of its interaction.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ResultPost {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly fields: URLSearchParams;
  readonly receivedAt: number;
}

/** At most this many POSTs are kept; older ones are dropped first. @default 1000 */
export const MAX_KEPT_POSTS = 1000;
/** A result POST body over this is cut off and answered 413. @default 65536 */
export const MAX_POST_BYTES = 65_536;

export class ResultListener {
  private readonly posts: ResultPost[] = [];
  private server: Server | undefined;
  url = "";

  async start(host = "127.0.0.1"): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_POST_BYTES) chunks.push(chunk);
      });
      req.on("end", () => {
        if (size > MAX_POST_BYTES) {
          res.writeHead(413).end();
          return;
        }
        const body = Buffer.concat(chunks).toString("utf8");
        if (this.posts.length >= MAX_KEPT_POSTS) this.posts.shift();
        this.posts.push({ headers: req.headers, body, fields: new URLSearchParams(body), receivedAt: Date.now() });
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      });
    });
    this.server.listen(0, host);
    await once(this.server, "listening");
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host}:${address.port}/result`;
  }

  /** Every POST that names `interactionGuid` in ctl_interaction_guid, in arrival order. */
  postsFor(interactionGuid: string): ResultPost[] {
    return this.posts.filter((post) => post.fields.get("ctl_interaction_guid") === interactionGuid);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
