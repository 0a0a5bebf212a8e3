import { afterEach, describe, expect, it, vi } from "vitest";
import { claimNext, failureOf, postSubmit, queueUrls, readClaimBody, undoTarget } from "./queue-api";

describe("queue URLs", () => {
  it("name every queue call of both screens in one place: the protocol shared by both queues", () => {
    const audit = queueUrls("audit", "c1");
    const study = queueUrls("study", "s1");
    expect(audit.next).toBe("/api/v1/audits/c1/assignments/next");
    expect(study.next).toBe("/api/v1/studies/s1/assignments/next");
    for (const u of [audit, study]) {
      expect(u.draft("a1")).toBe("/api/v1/assignments/a1/draft");
      expect(u.skip("a1")).toBe("/api/v1/assignments/a1/skip");
      expect(u.submit("a1")).toBe("/api/v1/assignments/a1/submit");
    }
  });
  it("escapes ids into one path segment", () => {
    expect(queueUrls("audit", "a/b").next).toContain("/audits/a%2Fb/");
  });
});

describe("readClaimBody", () => {
  it("reads the studies' old 'nothing left' shape as empty, and an assignment as itself", () => {
    expect(readClaimBody({ assignmentId: null })).toBeNull();
    expect(readClaimBody(null)).toBeNull();
    expect(readClaimBody({ assignmentId: "" })).toBeNull();
    expect(readClaimBody({ assignmentId: "a1", x: 1 })).toEqual({ assignmentId: "a1", x: 1 });
  });
});

describe("claimNext", () => {
  const urls = queueUrls("audit", "c1");
  afterEach(() => vi.unstubAllGlobals());

  it("reads 204 as empty, a refusal with the server's words, and no answer as a network failure", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(claimNext(urls)).resolves.toEqual({ kind: "empty" });
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ detail: "Campaign closed" }), { status: 409 })),
    );
    await expect(claimNext(urls)).resolves.toEqual({
      kind: "refused",
      status: 409,
      message: "Campaign closed",
    });
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("offline")));
    await expect(claimNext(urls)).resolves.toEqual({ kind: "network" });
  });

  it("sends the submit's Idempotency-Key, and failureOf names a lost lease", async () => {
    const f = vi
      .fn()
      .mockResolvedValue(
        new Response(JSON.stringify({ type: "/problems/lease_lost", detail: "Lease lost" }), { status: 409 }),
      );
    vi.stubGlobal("fetch", f);
    const err = await failureOf(postSubmit(urls, "a1", { x: 1 }, "key-1"));
    expect(err?.status).toBe(409);
    expect(err?.code).toBe("lease_lost");
    expect((f.mock.calls[0] as [string, RequestInit])[1].headers).toMatchObject({
      "idempotency-key": "key-1",
    });
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("{}", { status: 200 })));
    await expect(failureOf(postSubmit(urls, "a1", {}, "k"))).resolves.toBeNull();
  });
});

describe("Undo's target on the work screen", () => {
  it("after a reload (nothing submitted here yet) is the server's last answer, while the rules allow", () => {
    expect(undoTarget(undefined, { undoAssignmentId: "a1" })).toBe("a1");
    expect(undoTarget(undefined, { undoAssignmentId: null })).toBeNull();
    expect(undoTarget(undefined, undefined)).toBeNull();
  });
  it("is this screen's last submit once there is one, and none right after an Undo", () => {
    expect(undoTarget("a2", { undoAssignmentId: "a1" })).toBe("a2");
    expect(undoTarget(null, { undoAssignmentId: "a1" })).toBeNull();
  });
});
