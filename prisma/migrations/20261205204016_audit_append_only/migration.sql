-- The audit trail is append-only in the database itself, not only by convention: UPDATE, DELETE
-- and TRUNCATE of "AuditLog" are refused by a statement trigger, whatever the client. Users are
-- never deleted (the actor foreign key is RESTRICT), so no cascade needs to touch a row either.
--
-- Two ways past it, and no others:
--  * audit_redact() below, the one exception: it replaces PHI literals inside one row's
--    before/after and records that it did (fingerprints, never the literal). The trigger lets an
--    UPDATE through only when the PL/pgSQL call stack shows it is audit_redact's own statement, so
--    no setting a client can change opens it.
--  * The integration tests' reset (tests/support/db.ts) empties every table with TRUNCATE after
--    set_config('clinreview.allow_audit_reset', 'on', true): transaction-local, so it cannot leak
--    into a pooled connection, and it lets TRUNCATE through, never an UPDATE or DELETE of a row.
--    No application code sets it (lib/audit/append-only.test.ts checks the sources).
-- Backup restore drops and recreates the schema (no UPDATE, DELETE or TRUNCATE), then inserts.

-- Every string inside a JSON value with each match of `pattern` replaced, keys kept: the same
-- walk as lib/seeds/redact-json.ts. PL/pgSQL, since a SQL function cannot call itself.
CREATE FUNCTION audit_redact_json(value jsonb, pattern text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE jsonb_typeof(value)
    WHEN 'string' THEN to_jsonb(regexp_replace(value #>> '{}', pattern, '[REDACTED]', 'g'))
    WHEN 'array' THEN (SELECT coalesce(jsonb_agg(audit_redact_json(e, pattern) ORDER BY i), '[]'::jsonb)
                         FROM jsonb_array_elements(value) WITH ORDINALITY AS a(e, i))
    WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(k, audit_redact_json(v, pattern)), '{}'::jsonb)
                          FROM jsonb_each(value) AS o(k, v))
    ELSE value
  END;
END
$$;

-- Replaces the literals (case-sensitive, longest first, like lib/phi/redact.ts redactAll) in every
-- JSON string of one audit row's before/after. When that changed the row, writes one more audit row,
-- action audit_log.redact, whose after holds the SHA-256 (hex, UTF-8) of each literal given, never
-- the literal itself, and answers true; else changes nothing and answers false.
CREATE FUNCTION audit_redact(row_id bigint, literals text[], actor uuid, request_id text, ip text) RETURNS boolean
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
          jsonb_build_object('sha256', (SELECT jsonb_agg(DISTINCT encode(sha256(convert_to(l, 'UTF8')), 'hex'))
                                          FROM unnest(literals) AS u(l) WHERE l <> '')),
          request_id, ip);
  RETURN true;
END
$$;

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  stack text;
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('clinreview.allow_audit_reset', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Innermost first: this trigger, the statement that fired it, the function that ran it. The
    -- statement must be audit_redact's own UPDATE, run by audit_redact.
    GET DIAGNOSTICS stack = PG_CONTEXT;
    IF split_part(stack, E'\n', 2) = 'SQL statement "UPDATE "AuditLog" SET "before" = new_before, "after" = new_after WHERE id = row_id"'
       AND split_part(stack, E'\n', 3) ~ '^PL/pgSQL function audit_redact\(bigint,text\[\],uuid,text,text\) line [0-9]+ at SQL statement$' THEN
      RETURN NULL;
    END IF;
  END IF;
  RAISE EXCEPTION 'The audit trail is append-only: % on "AuditLog" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'PHI in audit rows is replaced with audit_redact(); see ARCHITECTURE.md, "Audit trail".';
END
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
