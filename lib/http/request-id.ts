/** A caller's X-Request-Id is kept only when it looks like one (it ends up in logs and audit rows). */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
