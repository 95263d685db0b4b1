// Raw TCP exchanges with a server, for what fetch cannot do: pipelining, broken request
// lines, half-open sockets, and telling who closed the connection.
import { connect, type Socket } from "node:net";

export interface RawExchange {
  /** Everything the server sent, as text. */
  readonly text: string;
  /** `server`: the server closed the connection; `timeout`: it was still open at the deadline. */
  readonly closedBy: "server" | "timeout";
  /** Milliseconds from the write to the close (or the deadline). */
  readonly ms: number;
}

/** Opens a connection to 127.0.0.1:`port` and resolves once it is connected. */
export function openSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, ...(localAddress === undefined ? {} : { localAddress }) });
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Writes `text` in one go (never closing our side) and collects the answer until the server closes or `deadlineMs` passes. */
export async function exchange(port: number, text: string, deadlineMs = 5_000): Promise<RawExchange> {
  const socket = await openSocket(port);
  const started = performance.now();
  return new Promise((resolve) => {
    let received = "";
    let settled = false;
    const finish = (closedBy: RawExchange["closedBy"]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: received, closedBy, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish("timeout"), deadlineMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
    });
    socket.on("end", () => finish("server"));
    socket.on("close", () => finish("server"));
    socket.on("error", () => finish("server"));
    socket.write(text);
  });
}

/** The status codes of every HTTP answer in `text`, in order. */
export function statuses(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
}
