-- The dataset browser's search (lib/datasets/browse-records.ts) matches the instruction, input,
-- output and every context turn's content with ILIKE '%text%'. A trigram index serves such a
-- substring match in any case; one expression index over all four (the turns' contents read out of
-- the JSON) lets a search read only candidate rows instead of every row of the dataset. pg_trgm is
-- a trusted extension (PostgreSQL 13+: a database owner may create it) shipped with PostgreSQL and
-- with PGlite (scripts/support/embedded-postgres.ts loads it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every searched text of a record, one per line. IMMUTABLE (it reads only its arguments) so it
-- can be indexed; the query repeats the exact per-field match, so a hit that only exists across
-- two joined texts is still not a result.
CREATE FUNCTION dataset_record_search_text(instruction text, input text, output text, context jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT instruction || E'\n' || input || E'\n' || coalesce(output, '') || E'\n' || coalesce((
    SELECT string_agg(coalesce(t->>'content', ''), E'\n')
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(context) = 'array' THEN context ELSE '[]'::jsonb END) t
  ), '')
$$;

-- CreateIndex
CREATE INDEX "DatasetRecord_search_trgm_idx" ON "DatasetRecord"
  USING gin (dataset_record_search_text(instruction, input, output, context) gin_trgm_ops);
