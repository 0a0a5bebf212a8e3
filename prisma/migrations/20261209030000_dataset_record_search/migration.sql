-- The dataset browser's search (lib/datasets/browse-records.ts) matches the instruction, input,
-- output and every context turn's content with ILIKE '%text%'. A trigram index serves such a
-- substring match in any case; one expression index over all four (the turns' contents read out of
-- the JSON) lets a search read only candidate rows instead of every row of the dataset. The index
-- is an optimisation only: the search works (reading every row of the dataset) without it, so a
-- database where pg_trgm cannot be created (the role lacks CREATE on the database, the extension is
-- not allow-listed as on Azure, contrib is not installed) still migrates. pg_trgm ships with
-- PostgreSQL and with PGlite (scripts/support/embedded-postgres.ts loads it).

-- Every searched text of a record, one per line. IMMUTABLE (it reads only its arguments) so it
-- can be indexed. COST: reading the turns out of the JSON costs about as much as a thousand
-- operators (~30 µs a row measured); at the default (100) the planner thought a scan calling it on
-- every row cheaper than the index. A search holding a newline, which could match across two
-- joined texts, also applies the per-field match (lib/datasets/browse-records.ts).
CREATE FUNCTION dataset_record_search_text(instruction text, input text, output text, context jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
AS $$
  SELECT instruction || E'\n' || input || E'\n' || coalesce(output, '') || E'\n' || coalesce((
    SELECT string_agg(coalesce(t->>'content', ''), E'\n')
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(context) = 'array' THEN context ELSE '[]'::jsonb END) t
  ), '')
$$;

-- pg_trgm if it can be had, then the index only where it is installed, its operator class named
-- in the extension's own schema (e.g. `extensions` on Supabase, not on the search_path).
DO $$
DECLARE
  trgm_schema text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION
    WHEN insufficient_privilege OR undefined_file OR feature_not_supported OR object_not_in_prerequisite_state
      OR invalid_parameter_value OR undefined_object THEN
      RAISE NOTICE 'pg_trgm not available (%): the dataset search works without its index, reading every row', SQLERRM;
  END;
  SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  IF trgm_schema IS NOT NULL THEN
    EXECUTE format(
      'CREATE INDEX "DatasetRecord_search_trgm_idx" ON "DatasetRecord" '
      'USING gin (dataset_record_search_text(instruction, input, output, context) %I.gin_trgm_ops)',
      trgm_schema);
  END IF;
END
$$;
