// A writable stream that keeps what the runner prints, for tests to read its lines.
import { Writable } from "node:stream";

export class Collect extends Writable {
  text = "";

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }

  lines(): string[] {
    return this.text.trimEnd().split("\n");
  }
}

/** Whether the server offers the simulator API: the one probe that decides if stateful tests run. */
export async function hasSimulator(baseUrl: string, adminToken = "demo-admin-token"): Promise<boolean> {
  const response = await fetch(`${baseUrl}/sim/clock`, { headers: { authorization: `Bearer ${adminToken}` } });
  await response.text();
  return response.status !== 404;
}

/** Why stateful tests are skipped, printed beside them. */
export const NO_SIMULATOR = "skipped: the reference server answers 404 on /sim/clock (the simulator API of issue 7 has not landed)";
