/** The line a Temporal worker process prints once its `Worker` exists and is about to poll. */
export const READY_LINE = '--- temporal worker ready on task queue';
/** The environment variable carrying a start's worker options (JSON) over the definition's. */
export const WORKER_OPTIONS_ENV = 'PROBE_WORKER_OPTIONS';
/** The environment variable a probe sets (host:port) for the worker to serve the SDK's Prometheus metrics there. */
export const SDK_PROMETHEUS_ENV = 'PROBE_SDK_PROMETHEUS';
