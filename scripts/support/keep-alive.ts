/**
 * How long `next start` keeps an idle keep-alive connection open (Node's default is 5 s). A client
 * that reuses a connection just as the server closes it gets ECONNRESET. Reverse proxies
 * (nginx, load balancers) keep idle upstream connections for up to about 60 s, and Playwright's
 * request client ignores the server's Keep-Alive hint, so the server is made the side that waits
 * longer: the proxy or client closes first, cleanly.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The `next start` flag carrying it. */
export const keepAliveArgs = ["--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)];
