/** Queue transactions wait behind row locks under load: generous limits, so a busy queue is slow, not failing. */
export const QUEUE_TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;
