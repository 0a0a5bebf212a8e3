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

const NO_USER = "00000000-0000-4000-8000-000000000001";
const NO_ROW = "00000000-0000-4000-8000-000000000003";
const NEW_PASSWORD = { password: "a long new passphrase 42", confirm: "a long new passphrase 42" };

const ACCOUNT = "lib/users/account-actions.ts";
const ADMIN = "lib/users/admin-actions.ts";
const PUBLIC = "lib/users/public-actions.ts";

export const SERVER_ACTIONS: readonly TActionEntry[] = [
  {
    file: ACCOUNT,
    name: "changePasswordAction",
    access: "account:self",
    call: "form",
    sample: { current: "not the password", ...NEW_PASSWORD },
  },
  {
    file: ACCOUNT,
    name: "createTokenAction",
    access: "account:self",
    call: "form",
    sample: { name: "attack suite", expiresInDays: "30" },
  },
  {
    file: ACCOUNT,
    name: "revokeTokenAction",
    access: "account:self",
    call: "form",
    sample: { tokenId: NO_ROW },
  },
  {
    file: ACCOUNT,
    name: "revokeSessionAction",
    access: "account:self",
    call: "form",
    sample: { sessionId: NO_ROW },
  },
  { file: ACCOUNT, name: "signOutEverywhereSelfAction", access: "account:self", call: "form", sample: {} },
  {
    file: ADMIN,
    name: "inviteUserAction",
    access: "users:manage",
    call: "form",
    sample: { email: "invited@attack.test", role: "CLINICIAN" },
  },
  {
    file: ADMIN,
    name: "issueResetAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER },
  },
  {
    file: ADMIN,
    name: "changeRoleAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER, role: "RESEARCHER" },
  },
  {
    file: ADMIN,
    name: "disableUserAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER },
  },
  {
    file: ADMIN,
    name: "enableUserAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER },
  },
  {
    file: ADMIN,
    name: "signOutEverywhereAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER },
  },
  {
    file: ADMIN,
    name: "pseudonymiseUserAction",
    access: "users:manage",
    call: "form",
    sample: { userId: NO_USER },
  },
  {
    file: "lib/seeds/draft-actions.ts",
    name: "discardSeedDraftAction",
    access: "seeds:write",
    call: { args: ["id"] },
    sample: { id: NO_ROW },
  },
  {
    file: PUBLIC,
    name: "setupAction",
    access: "public",
    call: "form",
    sample: { name: "First Admin", email: "first@attack.test", ...NEW_PASSWORD },
  },
  {
    file: PUBLIC,
    name: "acceptLinkAction",
    access: "public",
    call: "form",
    sample: { token: "not-a-real-link-token", name: "New Person", ...NEW_PASSWORD },
  },
  {
    file: "lib/users/request-password-reset-action.ts",
    name: "requestPasswordResetAction",
    access: "public",
    call: "form",
    sample: { email: "nobody@attack.test" },
  },
];
