-- Text that holds JSON, as jsonb; NULL when it is not JSON. Span search looks
-- inside attributes sent as JSON strings (OpenInference's `metadata`), and a
-- plain cast would fail the whole query on the first string that is not JSON
-- (Postgres 15 has no pg_input_is_valid).
CREATE FUNCTION jsonb_from_text(value text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN value::jsonb;
EXCEPTION WHEN data_exception OR program_limit_exceeded THEN
  RETURN NULL;
END
$$;
