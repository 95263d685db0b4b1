// The common shape of a stateless case: send one request, check the answer.
import type { CaseContext, ConformanceCase, Outcome } from "./case.js";
import { describeReceived, describeSent, noAnswer, type Received, type Sent, send } from "./http-client.js";

/** What an `sl-violations` header (Prism's validation of both sides) says is wrong. */
export function violationProblems(received: Received): string[] {
  const header = received.headers.get("sl-violations");
  if (header === null) return [];
  let violations: { location?: string[]; message?: string; severity?: string }[];
  try {
    violations = JSON.parse(header) as typeof violations;
  } catch {
    return [`sl-violations header is not JSON: ${header.slice(0, 200)}`];
  }
  const accepted = received.status === 202 || (received.status === 302 && !/[?&]ctl_error=/.test(received.location ?? ""));
  return violations
    .filter((v) => v.location?.[0] === "response" || accepted)
    .map((v) => `the document disagrees (sl-violations, ${(v.location ?? []).join(".")}): ${v.message ?? "?"}`);
}

export function exchangeCase(
  id: string,
  rule: string,
  build: (context: CaseContext) => Sent,
  check: (received: Received, context: CaseContext) => string[],
): ConformanceCase {
  return {
    id,
    rule,
    profile: "stateless",
    async run(context): Promise<Outcome> {
      const sent = build(context);
      let received: Received;
      try {
        received = await send(context.baseUrl, sent, context.requestTimeoutMs);
      } catch (error) {
        return { status: "failed", exchanges: [`sent: ${describeSent(sent)}`], problems: [noAnswer(error)] };
      }
      const problems = check(received, context);
      if (context.failOnViolations === true) problems.push(...violationProblems(received));
      if (problems.length === 0) return { status: "passed" };
      return { status: "failed", exchanges: [`sent: ${describeSent(sent)}\n    got:  ${describeReceived(received)}`], problems };
    },
  };
}
