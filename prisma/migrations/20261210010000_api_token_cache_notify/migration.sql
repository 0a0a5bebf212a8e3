-- Keeps every app process's API-token cache (lib/auth/token-cache-process.ts) true: any change to
-- what token authentication reads notifies channel clinreview_auth, and each process, listening on
-- a connection of its own, drops the entries concerned. Payloads hold a token's SHA-256 hash
-- (`t:<hash>`) or a user id (`u:<uuid>`), never a name or an e-mail; `*` (a TRUNCATE) drops all.
-- NOTIFY is delivered after the commit, to every listening session; identical payloads of one
-- transaction are delivered once.

-- A token's revocation, expiry, owner or hash changed, or the token was deleted. lastUsedAt (touched
-- once a minute by authentication itself) and name are not read, so they notify nothing.
CREATE FUNCTION api_token_auth_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."revokedAt" IS NOT DISTINCT FROM OLD."revokedAt"
     AND NEW."expiresAt" IS NOT DISTINCT FROM OLD."expiresAt"
     AND NEW."userId" = OLD."userId" AND NEW."tokenHash" = OLD."tokenHash" THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('clinreview_auth', 't:' || OLD."tokenHash");
  RETURN NULL;
END
$$;

CREATE TRIGGER api_token_auth_notify
  AFTER UPDATE OF "revokedAt", "expiresAt", "userId", "tokenHash" OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION api_token_auth_notify();

-- A user's role, status, demo flag, name or e-mail (all returned by authentication) changed, or the
-- user was deleted (their tokens cascade, and notify too).
CREATE FUNCTION user_auth_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.role = OLD.role AND NEW.status = OLD.status AND NEW."isDemo" = OLD."isDemo"
     AND NEW.name = OLD.name AND NEW.email = OLD.email THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('clinreview_auth', 'u:' || OLD.id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER user_auth_notify
  AFTER UPDATE OF role, status, "isDemo", name, email OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_auth_notify();

-- A TRUNCATE (the integration tests' reset; a restore) fires no row trigger: everything goes.
CREATE FUNCTION auth_truncate_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('clinreview_auth', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER api_token_auth_truncate_notify AFTER TRUNCATE ON "ApiToken"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_truncate_notify();
CREATE TRIGGER user_auth_truncate_notify AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_truncate_notify();
