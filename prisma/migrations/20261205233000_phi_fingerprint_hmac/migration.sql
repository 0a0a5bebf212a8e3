-- PHI fingerprints become HMAC-SHA-256 under a server key (lib/phi-guard/fingerprint.ts). Before,
-- audit_redact recorded the plain SHA-256 of each literal it replaced, and decisions, confirmations
-- and audit rows held a 64-bit unkeyed hash of each identifier: a name, date or record number has
-- so few likely values that anyone reading them could confirm a guess. The key stays with the app
-- (the database never holds it), so the app computes the fingerprints and passes them in.
--
-- Stored legacy values cannot be re-keyed (a hash does not give back its text), so:
--  * SeedPhiDecision and PhiConfirmation: each 64-bit fingerprint becomes `<kind>:legacy-<id>`,
--    which matches no keyed fingerprint. A seed finding ruled "not PHI" before is asked again (the
--    safe side); redacting a legacy confirmation takes out every identifier of its kind in its
--    field (lib/phi-guard/redact-written-text.ts), since the exact one can no longer be told.
--  * Audit rows are append-only, so their legacy values are taken out the one permitted way:
--    audit_redact replaces them with [REDACTED] and records each row it changed (with no
--    fingerprints: these values are hashes, not identifiers), request id below.

DROP FUNCTION audit_redact(bigint, text[], uuid, text, text);

-- As before, except that it records the fingerprints the caller computed (the keyed HMAC of each
-- literal), never a hash it could compute itself without the key.
CREATE FUNCTION audit_redact(row_id bigint, literals text[], fingerprints text[], actor uuid, request_id text, ip text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  pattern text;
  new_before jsonb;
  new_after jsonb;
  old_before jsonb;
  old_after jsonb;
BEGIN
  -- Every character but letters and digits escaped: a literal never acts as a regular expression.
  SELECT string_agg(regexp_replace(l, '([^[:alnum:]])', '\\\1', 'g'), '|' ORDER BY length(l) DESC, l)
    INTO pattern FROM (SELECT DISTINCT l FROM unnest(literals) AS u(l) WHERE l <> '') AS given;
  IF pattern IS NULL THEN
    RETURN false;
  END IF;
  SELECT "before", "after" INTO old_before, old_after FROM "AuditLog" WHERE id = row_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'There is no audit row %', row_id USING ERRCODE = 'no_data_found';
  END IF;
  new_before := audit_redact_json(old_before, pattern);
  new_after := audit_redact_json(old_after, pattern);
  IF new_before IS NOT DISTINCT FROM old_before AND new_after IS NOT DISTINCT FROM old_after THEN
    RETURN false;
  END IF;
  -- The trigger recognises this exact statement (see audit_log_append_only): keep them in step.
  UPDATE "AuditLog" SET "before" = new_before, "after" = new_after WHERE id = row_id;
  INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", "after", "requestId", ip)
  VALUES (actor, 'audit_log.redact', 'audit_log', row_id::text,
          jsonb_build_object('hmac', (SELECT coalesce(jsonb_agg(DISTINCT f), '[]'::jsonb)
                                        FROM unnest(fingerprints) AS u(f) WHERE f <> '')),
          request_id, ip);
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stack text;
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('clinreview.allow_audit_reset', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Innermost first: this trigger, the statement that fired it, the function that ran it. The
    -- statement must be audit_redact's own UPDATE, run by audit_redact (its new signature).
    GET DIAGNOSTICS stack = PG_CONTEXT;
    IF split_part(stack, E'\n', 2) = 'SQL statement "UPDATE "AuditLog" SET "before" = new_before, "after" = new_after WHERE id = row_id"'
       AND split_part(stack, E'\n', 3) ~ '^PL/pgSQL function audit_redact\(bigint,text\[\],text\[\],uuid,text,text\) line [0-9]+ at SQL statement$' THEN
      RETURN NULL;
    END IF;
  END IF;
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditLog" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'PHI in audit rows is replaced with audit_redact(); see ARCHITECTURE.md, "Audit trail".';
END
$$;

-- The detector's kinds (lib/phi/types.ts) as they prefixed the 64-bit fingerprints.
UPDATE "SeedPhiDecision" SET fingerprint = kind || ':legacy-' || id::text
 WHERE fingerprint ~ '^[a-z0-9_]+:[0-9a-f]{16}$';
UPDATE "PhiConfirmation" SET fingerprint = kind || ':legacy-' || id::text
 WHERE fingerprint ~ '^[a-z0-9_]+:[0-9a-f]{16}$';

DO $$
DECLARE
  legacy_fp CONSTANT text := '"((?:person_name|date_of_birth|date|age_over_89|record_number|licence_number|phone|email|url|ip_address|street_address|city|postal_code|us_ssn|nhs_number|uk_ni_number|vehicle_id|device_id):[0-9a-f]{16})"';
  r record;
  legacy text[];
  scrubbed int := 0;
BEGIN
  FOR r IN
    SELECT id, action, "before", "after" FROM "AuditLog"
     WHERE (action = 'audit_log.redact' AND "after" ? 'sha256')
        OR coalesce("before"::text, '') ~ legacy_fp OR coalesce("after"::text, '') ~ legacy_fp
     ORDER BY id
  LOOP
    SELECT array_agg(DISTINCT v) INTO legacy FROM (
      SELECT m[1] AS v FROM regexp_matches(coalesce(r."before"::text, '') || ' ' || coalesce(r."after"::text, ''), legacy_fp, 'g') AS m
      UNION
      SELECT jsonb_array_elements_text(r."after" -> 'sha256')
       WHERE r.action = 'audit_log.redact' AND jsonb_typeof(r."after" -> 'sha256') = 'array'
    ) AS found;
    IF legacy IS NOT NULL AND audit_redact(r.id, legacy, '{}'::text[], NULL, 'migration:phi_fingerprint_hmac', NULL) THEN
      scrubbed := scrubbed + 1;
    END IF;
  END LOOP;
  RAISE NOTICE 'phi_fingerprint_hmac: legacy fingerprints taken out of % audit row(s)', scrubbed;
END
$$;
