-- Live-data feeds (markets, tallies, scores): a few labelled figures replaced together by the
-- publisher's PUT, so they travel as one JSON array; updated_at is the figures' "as of" time.
CREATE TABLE feeds (
  id                  text PRIMARY KEY,
  title               text NOT NULL,
  items               jsonb NOT NULL,
  stale_after_seconds integer CHECK (stale_after_seconds > 0),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
