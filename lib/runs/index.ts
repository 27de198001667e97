/** The runs layer for server code (Node). Browser code imports `@/lib/runs/events` and `@/lib/runs/sse-client`. */
export * from "./events";
export { appendEvent, listEvents, lastEvent } from "./event-store";
export { createEventWriter, type EventWriter, type EventWriterOptions } from "./event-writer";
export { subscribe, type SubscribeOptions } from "./subscribe";
export {
  createRun,
  createRunInputSchema,
  getRunDetail,
  isResumableStatus,
  listRuns,
  listRunsQuerySchema,
  type CreateRunInput,
  type ListRunsQuery,
  type RunDetail,
  type RunList,
} from "./service";
export {
  cancelRun,
  isRunActive,
  markInterruptedRuns,
  resumeRun,
  startRun,
  waitForRun,
  type CancelOutcome,
  type ExecuteRun,
} from "./executor";
export { RunConflictError, RunInputError, RunNotFoundError } from "./errors";
