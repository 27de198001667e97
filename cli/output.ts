/** An expected failure (bad input, missing problem): printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function printFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`alphaflow: ${message.split("\n")[0]}\n`);
  if (process.env.ALPHAFLOW_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

/** With --json the result goes to stdout as one JSON document; logs always go to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
