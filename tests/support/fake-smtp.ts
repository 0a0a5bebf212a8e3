// A minimal SMTP server on loopback for tests: accepts every message (no auth, no STARTTLS) and
// keeps it, so a test can read the link a real mail transport delivered.
import { createServer, type Server, type Socket } from "node:net";

export type TReceivedMail = { from: string; to: string[]; raw: string; text: string };

export type TFakeSmtp = {
  url: string;
  port: number;
  messages: TReceivedMail[];
  /** Resolves with the first message to `to` (present or future), or rejects after `timeoutMs`. */
  waitFor(to: string, timeoutMs?: number): Promise<TReceivedMail>;
  stop(): Promise<void>;
};

/** The body as a reader sees it: headers dropped, quoted-printable soft breaks and escapes undone. */
export function decodeBody(raw: string): string {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    if (/content-transfer-encoding:\s*base64/i.test(head))
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    return body;
  }
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function session(socket: Socket, deliver: (m: TReceivedMail) => void): void {
  let buffer = "";
  let inData = false;
  let from = "";
  let to: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply("220 fake-smtp ready");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    for (;;) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        const raw = buffer.slice(0, end).replace(/^\.\./gm, ".");
        buffer = buffer.slice(end + 5);
        inData = false;
        deliver({ from, to, raw, text: decodeBody(raw) });
        reply("250 2.0.0 queued");
        continue;
      }
      const eol = buffer.indexOf("\r\n");
      if (eol < 0) return;
      const line = buffer.slice(0, eol);
      buffer = buffer.slice(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") reply("250 fake-smtp");
      else if (verb === "MAIL") {
        from = /<([^>]*)>/.exec(line)?.[1] ?? "";
        to = [];
        reply("250 2.1.0 ok");
      } else if (verb === "RCPT") {
        to.push((/<([^>]*)>/.exec(line)?.[1] ?? "").toLowerCase());
        reply("250 2.1.5 ok");
      } else if (verb === "DATA") {
        inData = true;
        reply("354 end with <CRLF>.<CRLF>");
      } else if (verb === "QUIT") {
        reply("221 bye");
        socket.end();
        return;
      } else reply("250 ok");
    }
  });
  socket.on("error", () => socket.destroy());
}

export async function startFakeSmtp(): Promise<TFakeSmtp> {
  const messages: TReceivedMail[] = [];
  const waiters: { to: string; resolve: (m: TReceivedMail) => void }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    session(socket, (m) => {
      messages.push(m);
      for (const w of [...waiters]) {
        if (m.to.includes(w.to)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(to, timeoutMs = 10_000) {
      const want = to.toLowerCase();
      const seen = messages.find((m) => m.to.includes(want));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No mail to ${to} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({ to: want, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    stop() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
