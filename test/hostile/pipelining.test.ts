// Defect 4 of the hostile probe: valid requests pipelined before a malformed one are each
// answered (they were committed) before the 400 that closes the connection.
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ENDPOINT } from "../support/callback-client.ts";
import { exchange, statuses } from "../support/raw-http.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

const { back: _back, ...JSON_MODE } = REQUEST_EXAMPLES.Example1CallNow.value;
const VALID_QUERY = new URLSearchParams(JSON_MODE).toString();

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ args: ["--log-level", "warn"] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

it.each([1, 3, 8])("%i accepted GETs then a broken request line, in one write: every 202, then the 400", async (count) => {
  const valid = `GET ${ENDPOINT}?${VALID_QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
  const result = await exchange(server.port, `${valid.repeat(count)}BROKEN\r\n\r\n`, 5_000);
  expect(statuses(result.text)).toEqual([...Array(count).fill(202), 400]);
  expect(result.closedBy).toBe("server");
});
