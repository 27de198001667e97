/** Bad input for a dataset run (unknown split, unknown problem, nothing to run): a 400 / a CLI one-liner. */
export class DatasetRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatasetRequestError";
  }
}

export class DatasetRunNotFoundError extends Error {
  constructor(readonly datasetRunId: string) {
    super(`dataset run not found: ${datasetRunId}`);
    this.name = "DatasetRunNotFoundError";
  }
}

/** Another runner owns the dataset run right now (a 409). */
export class DatasetRunBusyError extends Error {
  constructor(readonly datasetRunId: string) {
    super(`dataset run ${datasetRunId} is already running`);
    this.name = "DatasetRunBusyError";
  }
}
