-- Audit rows hold user ids, never names or e-mails: names and e-mails are resolved when the trail
-- is read (lib/audit/resolve-people.ts), so pseudonymising a user changes what is displayed but no
-- audit row. This migration runs before the append-only trigger (…_audit_append_only) and rewrites
-- the rows written so far, only in the person-holding fields listed per action below, never by
-- matching values elsewhere (a user named "accept" must not touch anyone's {"verdict":"accept"}).
--
--   action                                   field(s)                 becomes
--   user.setup_admin, user.create_cli,       after.email, after.name  after.userId = "entityId"
--   user.create_demo, user.invite_accepted,
--   user.pseudonymise (entityType user)
--   auth.login_failed, auth.login_throttled  after.email (as typed)   after.userId of the account
--                                                                      with that address, else
--                                                                      after.emailSha256
--   user.invite (entityType invitation)      "entityId", after.email  "entityId" = the invitation's
--                                                                      AccountLink id; without one,
--                                                                      NULL and after.userId (else
--                                                                      after.emailSha256)
--
-- Its report (also RAISE NOTICE) is one audit row, action audit_log.person_fields_migrated:
-- rewritten = rows changed here; pseudonymisedBefore = rows whose person-holding fields already held
-- a pseudonym ("Former user R-…", "…@pseudonymised.invalid") written by an earlier
-- pseudonymisation (the person is still resolved, by id); damaged = rows holding such a value
-- anywhere else, where an earlier pseudonymisation overwrote what was recorded (the original is
-- lost and nothing here can restore it); unresolved = invitations whose address matches no
-- invitation or account any more (kept only as a SHA-256 fingerprint). An address typed at sign-in
-- that matches no account is kept as a fingerprint and not reported (typos and guesses are expected). Each
-- list holds at most 1000 row ids.

-- Users are never deleted (disabled or pseudonymised), so an audit row keeps its actor for good.
-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_actorId_fkey";

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

DO $$
DECLARE
  pseudonym_value CONSTANT text := '"(Former user R-[0-9a-f]+|[^"]*@pseudonymised\.invalid)"';
  user_actions CONSTANT text[] := ARRAY['user.setup_admin', 'user.create_cli', 'user.create_demo', 'user.invite_accepted', 'user.pseudonymise'];
  login_actions CONSTANT text[] := ARRAY['auth.login_failed', 'auth.login_throttled'];
  total bigint;
  rewritten bigint[] := '{}';
  pseudonymised_before bigint[];
  damaged bigint[];
  unresolved bigint[] := '{}';
  r record;
  link_id uuid;
  user_id uuid;
BEGIN
  SELECT count(*) INTO total FROM "AuditLog";
  IF total = 0 THEN
    RETURN;
  END IF;

  -- Before any rewrite: rows whose person-holding fields hold a pseudonym already.
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO pseudonymised_before FROM "AuditLog"
   WHERE (action = ANY (user_actions) AND "entityType" = 'user' AND action <> 'user.pseudonymise'
          AND (after->>'email' ~ '@pseudonymised\.invalid$' OR after->>'name' ~ '^Former user R-[0-9a-f]+$'))
      OR (action = ANY (login_actions) AND after->>'email' ~ '@pseudonymised\.invalid$')
      OR (action = 'user.invite' AND "entityType" = 'invitation'
          AND ("entityId" ~ '@pseudonymised\.invalid$' OR after->>'email' ~ '@pseudonymised\.invalid$'));

  -- Account rows: the subject is the row's own entity id.
  WITH changed AS (
    UPDATE "AuditLog" SET after = (after - 'email' - 'name') || jsonb_build_object('userId', "entityId")
     WHERE action = ANY (user_actions) AND "entityType" = 'user' AND "entityId" IS NOT NULL
       AND jsonb_typeof(after) = 'object' AND (after ? 'email' OR after ? 'name')
    RETURNING id)
  SELECT rewritten || coalesce(array_agg(id), '{}') INTO rewritten FROM changed;

  -- Sign-in attempts: the address as typed, which may be nobody's.
  FOR r IN SELECT id, after->>'email' AS email FROM "AuditLog"
            WHERE action = ANY (login_actions) AND jsonb_typeof(after) = 'object' AND after ? 'email' LOOP
    SELECT u.id INTO user_id FROM "User" u WHERE u.email = r.email;
    UPDATE "AuditLog" SET after = (after - 'email') || CASE
        WHEN user_id IS NOT NULL THEN jsonb_build_object('userId', user_id)
        ELSE jsonb_build_object('emailSha256', encode(sha256(convert_to(coalesce(r.email, ''), 'UTF8')), 'hex')) END
     WHERE id = r.id;
    rewritten := rewritten || r.id;
  END LOOP;

  -- Invitations: keyed by the invitation (AccountLink) they issued, the one created with the row.
  FOR r IN SELECT id, at, "entityId" AS email FROM "AuditLog"
            WHERE action = 'user.invite' AND "entityType" = 'invitation' AND "entityId" LIKE '%@%' LOOP
    SELECT l.id INTO link_id FROM "AccountLink" l
     WHERE l.kind = 'INVITE' AND l.email = r.email
     ORDER BY abs(extract(epoch FROM l."createdAt" - r.at)) LIMIT 1;
    user_id := NULL;
    IF link_id IS NULL THEN
      SELECT u.id INTO user_id FROM "User" u WHERE u.email = r.email;
    END IF;
    UPDATE "AuditLog" SET "entityId" = link_id::text,
           after = (coalesce(after, '{}') - 'email') || CASE
             WHEN link_id IS NOT NULL THEN '{}'::jsonb
             WHEN user_id IS NOT NULL THEN jsonb_build_object('userId', user_id)
             ELSE jsonb_build_object('emailSha256', encode(sha256(convert_to(r.email, 'UTF8')), 'hex')) END
     WHERE id = r.id;
    rewritten := rewritten || r.id;
    IF link_id IS NULL AND user_id IS NULL THEN
      unresolved := unresolved || r.id;
    END IF;
  END LOOP;

  -- After the rewrite: a pseudonym anywhere else (key or value) is a value an earlier
  -- pseudonymisation overwrote.
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO damaged FROM "AuditLog"
   WHERE (coalesce(before::text, '') ~ pseudonym_value OR coalesce(after::text, '') ~ pseudonym_value
          OR coalesce("entityId", '') ~ '^(Former user R-[0-9a-f]+|.*@pseudonymised\.invalid)$');

  RAISE NOTICE 'audit person fields: % rows rewritten to ids; % already held a pseudonym; % damaged by an earlier pseudonymisation (ids %); % unresolved addresses',
    cardinality(rewritten), cardinality(pseudonymised_before), cardinality(damaged), damaged[1:20], cardinality(unresolved);
  INSERT INTO "AuditLog" (action, "entityType", after) VALUES (
    'audit_log.person_fields_migrated', 'audit_log',
    jsonb_build_object(
      'rewritten', cardinality(rewritten),
      'pseudonymisedBefore', cardinality(pseudonymised_before),
      'pseudonymisedBeforeIds', to_jsonb(pseudonymised_before[1:1000]),
      'damaged', cardinality(damaged),
      'damagedIds', to_jsonb(damaged[1:1000]),
      'unresolved', cardinality(unresolved),
      'unresolvedIds', to_jsonb(unresolved[1:1000])));
END
$$;
