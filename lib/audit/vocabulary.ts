/**
 * The audit trail's vocabulary: every action and entity type, one spelling each (lower snake case,
 * actions `<entity>.<verb>`). recordAudit takes only these (TAuditEntry), so a new spelling is a
 * compile error until it is added here. Also written by SQL: audit_log.redact (the redaction function) and
 * audit_log.person_fields_migrated (migration …_audit_person_ids).
 */
export const AUDIT_ACTIONS = [
  "audit.acknowledge_guidelines",
  "audit.adjudicate",
  "audit.close",
  "audit.create",
  "audit.export",
  "audit.flags",
  "audit.guidelines",
  "audit.pause",
  "audit.reopen",
  "audit.report_json",
  "audit.resume",
  "audit.review",
  "audit.reviews_csv",
  "audit.set_reviewers",
  "audit.skip",
  "audit_log.export",
  "audit_log.person_fields_migrated",
  "audit_log.redact",
  "auth.login",
  "auth.login_failed",
  "auth.login_sso",
  "auth.login_throttled",
  "auth.logout",
  "backup.create",
  "backup.restore",
  "dataset.import",
  "demo.data_created",
  "demo.data_undone",
  "export.create",
  "export.discard",
  "export.expire",
  "export.purge",
  "integrity.enum_spelling",
  "integrity.placeholder_user",
  "integrity.repeat_link_cleared",
  "integrity.slot_counts",
  "permission.denied",
  "phi.redact",
  "seed.approve",
  "seed.autosave",
  "seed.autosave_discard",
  "seed.create",
  "seed.export",
  "seed.import",
  "seed.phi_false_positive",
  "seed.phi_redact",
  "seed.request_changes",
  "seed.retire",
  "seed.save",
  "seed.submit",
  "seed.take_over",
  "session.revoke",
  "study.acknowledge_guidelines",
  "study.close",
  "study.create",
  "study.export",
  "study.guidelines",
  "study.hold_back_identity_revealing",
  "study.import_judge",
  "study.import_outputs",
  "study.include_identity_revealing",
  "study.judgement",
  "study.pause",
  "study.reopen",
  "study.resume",
  "study.set_raters",
  "study.set_title",
  "study.set_allocation",
  "study.skip",
  "study.start",
  "token.create",
  "token.create_cli",
  "token.revoke",
  "user.create_cli",
  "user.create_demo",
  "user.disable",
  "user.enable",
  "user.invite",
  "user.invite_accepted",
  "user.password_change",
  "user.password_reset",
  "user.pseudonymise",
  "user.reset_issued",
  "user.reset_requested",
  "user.reset_throttled",
  "user.role_change",
  "user.setup_admin",
  "user.sign_out_everywhere",
  "vocabulary.add_alias",
  "vocabulary.add_term",
  "vocabulary.remove_alias",
  "vocabulary.rename_term",
  "vocabulary.restore_term",
  "vocabulary.retire_term",
  "webhook.auto_disable",
  "webhook.create",
  "webhook.delete",
  "webhook.test",
  "webhook.update",
] as const;

export const AUDIT_ENTITY_TYPES = [
  "api_token",
  "audit_campaign",
  "audit_item",
  "audit_log",
  "audit_review",
  "backup",
  "dataset",
  "demo",
  "export_file",
  "invitation",
  "queue_assignment",
  "queue_item",
  "route",
  "seed",
  "seed_import",
  "seed_phi_decision",
  "seed_review",
  "session",
  "study",
  "study_comparison",
  "study_judge_vote",
  "study_judgement",
  "user",
  "vocabulary_term",
  "webhook_endpoint",
] as const;

/**
 * Spellings earlier versions wrote, and what they mean now. The trail is append-only, so old rows
 * keep them: they are mapped when the trail is read (page, CSV) and filters match both spellings.
 */
export const LEGACY_AUDIT_SPELLINGS = {
  action: { "seeds.export": "seed.export", "seeds.import": "seed.import" },
  entityType: { Study: "study", QueueAssignment: "queue_assignment" },
} as const satisfies {
  action: Record<string, TAuditActionName>;
  entityType: Record<string, TAuditEntityTypeName>;
};

export type TAuditActionName = (typeof AUDIT_ACTIONS)[number];
export type TAuditEntityTypeName = (typeof AUDIT_ENTITY_TYPES)[number];

/** Whether a string (from a request) is an entity type of the vocabulary. */
export function isAuditEntityType(value: string): value is TAuditEntityTypeName {
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);
}

/** What recordAudit accepts. */
export type TAuditAction = TAuditActionName;
export type TAuditEntityType = TAuditEntityTypeName;

type TField = keyof typeof LEGACY_AUDIT_SPELLINGS;

/** The current spelling of a stored action or entity type (unknown spellings pass through unchanged). */
export function canonicalSpelling(field: TField, stored: string): string {
  const legacy: Record<string, string> = LEGACY_AUDIT_SPELLINGS[field];
  return Object.hasOwn(legacy, stored) ? (legacy[stored] ?? stored) : stored;
}

/** Every stored spelling that reads as `spelling` (itself and its legacy forms), for exact filters. */
export function storedSpellings(field: TField, spelling: string): string[] {
  const current = canonicalSpelling(field, spelling);
  const legacy: Record<string, string> = LEGACY_AUDIT_SPELLINGS[field];
  return [current, ...Object.keys(legacy).filter((old) => legacy[old] === current && old !== current)];
}

/** The legacy actions an "action starts with" filter must match too: those whose current spelling does. */
export function legacyActionsStartingWith(prefix: string): string[] {
  return Object.entries(LEGACY_AUDIT_SPELLINGS.action)
    .filter(([, current]) => current.startsWith(prefix))
    .map(([old]) => old);
}
