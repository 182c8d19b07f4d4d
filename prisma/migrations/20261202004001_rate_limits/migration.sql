-- CreateTable
CREATE TABLE "rate_limits" (
    "bucket" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "reset_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("bucket")
);

-- CreateIndex
CREATE INDEX "rate_limits_reset_at_idx" ON "rate_limits"("reset_at");

-- App processes cache valid API keys for a few seconds (lib/auth/api-keys.ts)
-- and LISTEN on marginalia_auth to drop that cache. The notice comes from the
-- change itself, whoever makes it (any app process, a script, psql), and is
-- delivered when its transaction commits, never for a rolled-back change.
CREATE FUNCTION marginalia_auth_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('marginalia_auth', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER api_keys_auth_changed
  AFTER UPDATE OF revoked_at, role, user_id ON api_keys
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION marginalia_auth_changed();

CREATE TRIGGER api_keys_auth_deleted
  AFTER DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION marginalia_auth_changed();

CREATE TRIGGER users_auth_changed
  AFTER UPDATE OF role, deactivated_at, name, email ON users
  FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.deactivated_at IS DISTINCT FROM NEW.deactivated_at
    OR OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION marginalia_auth_changed();

CREATE TRIGGER users_auth_deleted
  AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION marginalia_auth_changed();
