import { describe, expect, it } from "vitest";
import { appWorkers, isLocalDatabase, MAX_DEFAULT_WORKERS } from "./env";

const REMOTE = "postgresql://app@db.internal:5432/clinreview";
const LOCAL = "postgresql://app@127.0.0.1:5432/clinreview";

describe("appWorkers (npm start's server processes)", () => {
  it("defaults to one per core, capped, with PostgreSQL on another machine", () => {
    expect(appWorkers(2, undefined, REMOTE)).toBe(2);
    expect(appWorkers(1, "", REMOTE)).toBe(1);
    expect(appWorkers(64, undefined, REMOTE)).toBe(MAX_DEFAULT_WORKERS);
  });

  it("leaves a core to a PostgreSQL on the same machine, never fewer than one process", () => {
    expect(appWorkers(2, undefined, LOCAL)).toBe(1);
    expect(appWorkers(4, undefined, LOCAL)).toBe(3);
    expect(appWorkers(1, undefined, LOCAL)).toBe(1);
    expect(appWorkers(64, undefined, LOCAL)).toBe(MAX_DEFAULT_WORKERS);
  });

  it("takes APP_WORKERS as given, beyond the default cap too", () => {
    expect(appWorkers(2, "1", REMOTE)).toBe(1);
    expect(appWorkers(2, "8", LOCAL)).toBe(8);
    expect(appWorkers(2, "2", LOCAL)).toBe(2);
  });

  it("refuses what is not a worker count", () => {
    for (const bad of ["0", "-1", "1.5", "many", "65"])
      expect(() => appWorkers(2, bad, REMOTE)).toThrow(/APP_WORKERS/);
  });
});

describe("isLocalDatabase", () => {
  it("knows localhost, loopback addresses and Unix sockets", () => {
    for (const url of [
      LOCAL,
      "postgresql://app@localhost/clinreview",
      "postgresql://app@[::1]:5432/clinreview",
      "postgresql://app@127.0.0.2/clinreview",
      "postgresql:///clinreview?host=/var/run/postgresql",
    ])
      expect(isLocalDatabase(url), url).toBe(true);
  });

  it("treats any other host, a missing or a malformed URL as elsewhere", () => {
    for (const url of [REMOTE, "postgresql://app@10.0.0.5/clinreview", undefined, "not a url"])
      expect(isLocalDatabase(url), String(url)).toBe(false);
  });
});
