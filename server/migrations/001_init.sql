-- Articles keep their full JSON (header fields and blocks); url is indexed for also-read lookups.
CREATE TABLE articles (
  id           text PRIMARY KEY,
  url          text NOT NULL,
  data         jsonb NOT NULL,
  published_at timestamptz,
  related_ids  text[],
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_published_at ON articles (published_at DESC);

CREATE TABLE polls (
  id          text PRIMARY KEY,
  question    text NOT NULL,
  multiple    boolean NOT NULL DEFAULT false,
  max_choices integer,
  results     text NOT NULL DEFAULT 'after-vote' CHECK (results IN ('after-vote', 'always', 'after-close')),
  closes_at   timestamptz,
  closed      boolean NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE poll_options (
  poll_id  text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  id       text NOT NULL,
  label    text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (poll_id, id)
);

-- One ballot per voter per poll: the primary key is what makes "one vote per voter" exact under concurrency.
CREATE TABLE poll_votes (
  poll_id    text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  voter_id   text NOT NULL,
  option_ids text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, voter_id)
);

CREATE TABLE threads (
  id            text PRIMARY KEY,
  premoderation boolean NOT NULL DEFAULT false
);

CREATE TABLE comments (
  id            text PRIMARY KEY,
  thread_id     text NOT NULL,
  parent_id     text REFERENCES comments (id),
  author_id     text NOT NULL,
  author_name   text NOT NULL,
  author_avatar text,
  body          text NOT NULL,
  status        text NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'rejected')),
  reply_to_name text,
  likes         integer NOT NULL DEFAULT 0 CHECK (likes >= 0),
  created_at    timestamptz NOT NULL,
  edited_at     timestamptz
);
CREATE INDEX comments_thread ON comments (thread_id, parent_id, created_at);
CREATE INDEX comments_parent ON comments (parent_id, created_at);
CREATE INDEX comments_status ON comments (status) WHERE status = 'pending';

CREATE TABLE comment_likes (
  comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  user_id    text NOT NULL,
  PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE comment_reports (
  comment_id  text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  reporter_id text NOT NULL,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  resolved    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (comment_id, reporter_id)
);

-- Stored responses for Idempotency-Key replays, written in the same transaction as the change they describe.
CREATE TABLE idempotency_keys (
  scope      text NOT NULL,
  key        text NOT NULL,
  status     integer,
  body       text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
