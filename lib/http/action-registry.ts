import type { TPermission } from "@/lib/auth/permissions";

/**
 * Every server action, with who may call it and a valid input. The standing attack suite
 * (tests/integration/attack-suite.test.ts) calls each one as every role and with hostile input,
 * and fails when a "use server" export or an authorizedAction/publicAction is missing here, or
 * when `access` differs from what the source checks: a new action is covered by adding one line.
 */
export type TActionEntry = {
  /** The "use server" module, from the repository root. */
  file: string;
  /** The exported action. */
  name: string;
  /** The permission its authorizedAction checks, or "public" for a publicAction. */
  access: TPermission | "public";
  /** How pages call it: (previous state, FormData), or with these fields as positional arguments. */
  call: "form" | { args: readonly string[] };
  /**
   * An input its schema accepts. Ids name nothing, so an admitted call finds nothing to change;
   * hostile variants of it must all be refused.
   */
  sample: Readonly<Record<string, string>>;
};

// None today: issue 14 moved every action to an /api/v1 route (one client data layer). The attack
// suite's scanner still fails on any "use server" export not listed here, so a new action cannot
// slip in unprotected and untested.
export const SERVER_ACTIONS: readonly TActionEntry[] = [];
