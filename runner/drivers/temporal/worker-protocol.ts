/** The line a Temporal worker process prints once its `Worker` exists and is about to poll. */
export const READY_LINE = '--- temporal worker ready on task queue';
