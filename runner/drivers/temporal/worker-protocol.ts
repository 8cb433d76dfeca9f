/** The line a Temporal worker process prints once its `Worker` exists and is about to poll. */
export const READY_LINE = '--- temporal worker ready on task queue';
/** The environment variable carrying a start's worker options (JSON) over the definition's. */
export const WORKER_OPTIONS_ENV = 'PROBE_WORKER_OPTIONS';
