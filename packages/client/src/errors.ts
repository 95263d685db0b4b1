// The client's own failures. A refused request is not one of them: it is a result.

/** The request did not reach the server, or its answer did not arrive (fetch rejected). */
export class WebCallbackTransportError extends Error {
  override readonly name = "WebCallbackTransportError" as const;
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/** The server answered something that is neither an accepted request nor a ctl_error. */
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
