/**
 * Database writes the flow does not need to wait for (test rows, version statuses, stage bookkeeping), applied one
 * after another in the order they were queued while the flow goes on waiting for the model and the judge.
 * flush() settles everything queued so far and rethrows the first failure.
 */
export interface WriteQueue {
  push(write: () => Promise<unknown>): void;
  flush(): Promise<void>;
}

export function createWriteQueue(): WriteQueue {
  let chain: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  return {
    push(write) {
      chain = chain.then(write).then(
        () => undefined,
        (error: unknown) => {
          failure ??= { error };
        },
      );
    },
    async flush() {
      await chain;
      if (failure) {
        const { error } = failure;
        failure = null;
        throw error;
      }
    },
  };
}
