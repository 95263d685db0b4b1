// The common shape of a stateless case: send one request, check the answer.
import type { CaseContext, ConformanceCase, Outcome } from "./case.js";
import { describeReceived, describeSent, type Received, type Sent, send } from "./http-client.js";

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
        received = await send(context.baseUrl, sent);
      } catch (error) {
        return { status: "failed", exchanges: [`sent: ${describeSent(sent)}`], problems: [`no answer: ${(error as Error).message}`] };
      }
      const problems = check(received, context);
      if (problems.length === 0) return { status: "passed" };
      return { status: "failed", exchanges: [`sent: ${describeSent(sent)}\n    got:  ${describeReceived(received)}`], problems };
    },
  };
}
