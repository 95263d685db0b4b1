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

/** The listener could not listen where it was told (a port in use, an address not on this machine). */
export class ListenerError extends Error {
  override readonly name = "ListenerError";
}

export class ResultListener {
  private readonly posts: ResultPost[] = [];
  private server: Server | undefined;
  url = "";

  /** Listens on `host`:`port` (0: a free port); the URL the target POSTs to names them. */
  async start(host = "127.0.0.1", port = 0): Promise<void> {
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
    this.server.listen(port, host);
    try {
      await Promise.race([once(this.server, "listening"), once(this.server, "error").then(([error]) => Promise.reject(error))]);
    } catch (error) {
      throw new ListenerError(`the result-POST listener cannot listen on ${host}:${port}: ${(error as Error).message}`, { cause: error });
    }
    const address = this.server.address() as AddressInfo;
    this.url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}/result`;
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
