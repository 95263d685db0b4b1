// The client's own failures. A refused request is not one of them: it is a result, and may be
// sent again once its cause is fixed (after `retryAfterSeconds` for 15 and 106). The client never
// resends by itself: a second request can mean a second call to the visitor.

/**
 * No answer arrived: fetch rejected before a response (network down, DNS, connection refused,
 * CORS). Usually safe to send again; a connection lost after the request left cannot be told apart.
 */
export class WebCallbackTransportError extends Error {
  override readonly name = "WebCallbackTransportError" as const;
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/**
 * An answer arrived that is neither an accepted request nor a ctl_error (`httpStatus` is its
 * status, 0 for a browser's unreadable redirect). The request may have been accepted: not safe to resend.
 */
export class WebCallbackAnswerError extends Error {
  override readonly name = "WebCallbackAnswerError" as const;
  constructor(
    message: string,
    readonly httpStatus: number,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}
