/** What the worker process and its controller agree on. */

/** The line a connect() worker prints once its connection is active; the controller waits for it. */
export const CONNECTED_LINE = 'worker connected:';

/** How a worker offers its functions to the server: HTTP `serve()`, or a persistent `connect()` connection. */
export type Transport = 'serve' | 'connect';
