import "server-only";
import pg from "pg";

export type TNotifyListenerOptions = {
  connectionString: string;
  channel: string;
  connectTimeoutMs: number;
  onNotify: (payload: string) => void;
  /** Called with true once LISTEN has been answered, with false as soon as the connection is lost. */
  onListening: (listening: boolean) => void;
  /** How often the listening connection is checked with a `SELECT 1` (default 15 s). */
  pingMs?: number;
  /** Reconnect delays: doubled from the first up to the last after each failure. */
  backoffMs?: { first: number; max: number };
};

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * One dedicated connection (not from the pool: a pooled connection is handed to other requests,
 * and LISTEN belongs to a session) that LISTENs on one channel and reconnects with backoff when
 * lost. Its users must treat anything they cached as unknown while it is not listening: a
 * notification sent while it was away is never delivered.
 */
export class NotifyListener {
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private delay: number;
  private ping: NodeJS.Timeout | null = null;

  constructor(private readonly o: TNotifyListenerOptions) {
    if (!CHANNEL.test(o.channel)) throw new Error(`Invalid channel name: ${o.channel}`);
    this.delay = o.backoffMs?.first ?? 250;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** The backend pid of the listening connection (tests end it to check the reconnect). */
  get backendPid(): number | null {
    return this.listening
      ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null)
      : null;
  }

  start(): void {
    this.stopped = false;
    if (!this.client && !this.timer) void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.lost(client);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.o.connectionString,
      connectionTimeoutMillis: this.o.connectTimeoutMs,
      keepAlive: true,
      // Linux's default first probe is after 2 hours; an idle LISTEN connection cut by a NAT or
      // firewall must be noticed sooner (the ping below is the first line, this the backstop).
      keepAliveInitialDelayMillis: 10_000,
      application_name: "clinreview-listener",
    });
    this.client = client;
    client.on("notification", (msg) => {
      if (this.client === client && msg.channel === this.o.channel) this.o.onNotify(msg.payload ?? "");
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // Not a reason to keep a process (a CLI, a test) alive.
      (
        client as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
      await client.query(`LISTEN ${this.o.channel}`);
      if (this.client !== client || this.stopped) return;
      this.listening = true;
      this.delay = this.o.backoffMs?.first ?? 250;
      this.startPing(client);
      this.o.onListening(true);
    } catch {
      this.lost(client);
    }
  }

  /**
   * A connection dropped silently (a NAT or firewall timeout on an idle LISTEN) still looks
   * connected, and a cache trusting it would miss every notification: a `SELECT 1` every
   * `pingMs` that does not answer within `connectTimeoutMs` counts as a lost connection.
   */
  private startPing(client: pg.Client): void {
    const every = this.o.pingMs ?? 15_000;
    this.ping = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("ping timeout")), this.o.connectTimeoutMs);
      });
      Promise.race([client.query("SELECT 1"), timeout])
        .catch(() => this.lost(client))
        .finally(() => clearTimeout(timer));
    }, every);
    this.ping.unref();
  }

  private lost(client: pg.Client | null): void {
    if (!client || this.client !== client) return;
    this.client = null;
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
    const was = this.listening;
    this.listening = false;
    client.end().catch(() => undefined);
    if (was) this.o.onListening(false);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) void this.connect();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, this.o.backoffMs?.max ?? 30_000);
  }
}
