/** The Postgres NOTIFY channel on which every appended run event announces its run id. */
export const RUN_EVENTS_CHANNEL = "alphaflow_run_events";
