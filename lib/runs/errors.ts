/** Errors the route handlers and the CLI turn into 404 / 409 answers. */
export class RunNotFoundError extends Error {
  constructor(readonly runId: string) {
    super(`run not found: ${runId}`);
    this.name = "RunNotFoundError";
  }
}

export class RunConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunConflictError";
  }
}

/** Bad input to the run service (a 400 for the HTTP layer); the message names the field. */
export class RunInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunInputError";
  }
}
