// A found defect: a body over the simulator API's limit was answered 413 while the connection
// stayed open with the rest of the body unread (the endpoint's 413 closes it).
import { afterAll, beforeAll, expect, it } from "vitest";
import { exchange, statuses } from "../support/raw-http.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ args: ["--log-level", "warn"] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

it("answers a /sim body over 64 KiB with 413 and closes the connection", async () => {
  const body = `{"seconds":1,"pad":"${"x".repeat(70_000)}"}`;
  const request =
    "POST /sim/clock/advance HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-admin-token\r\n" +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  const result = await exchange(server.port, request, 5_000);
  expect(statuses(result.text)).toEqual([413]);
  expect(result.text.toLowerCase()).toContain("connection: close");
  expect(result.closedBy).toBe("server");
});
