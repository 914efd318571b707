-- Trending: each article's reads as one exponentially decayed score, kept as its natural logarithm
-- at a fixed epoch (a read at time t adds e^(t/tau)), so adding reads is one upsert and ranking is
-- an index scan with no per-row arithmetic. The section lets a strip show one section's headlines.
ALTER TABLE articles ADD COLUMN section text;
UPDATE articles SET section = data->>'section' WHERE data ? 'section';
CREATE TABLE article_reads (
  article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  score      double precision NOT NULL
);
CREATE INDEX article_reads_score ON article_reads (score DESC);

-- An editor's list per section ('' for requests that name none); it wins over reads while set.
CREATE TABLE trending_picks (
  section     text PRIMARY KEY,
  article_ids text[] NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
