-- Vote counters kept beside the ballots: a vote adds to them in its own transaction, so reading or
-- casting costs the same on the millionth ballot as on the first. Backfilled from the ballots.
ALTER TABLE poll_options ADD COLUMN votes integer NOT NULL DEFAULT 0;
ALTER TABLE polls ADD COLUMN total_votes integer NOT NULL DEFAULT 0;
UPDATE poll_options o SET votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id AND o.id = ANY (v.option_ids));
UPDATE polls p SET total_votes = (SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id);

-- Published comments per thread, kept by a trigger on every insert, status change and delete, so a
-- count is one row read whatever writes the comment (routes, moderation, seeds).
CREATE TABLE thread_totals (
  thread_id text PRIMARY KEY,
  published integer NOT NULL DEFAULT 0 CHECK (published >= 0)
);
INSERT INTO thread_totals (thread_id, published)
  SELECT thread_id, count(*) FROM comments WHERE status = 'published' GROUP BY thread_id;
CREATE FUNCTION thread_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN IF OLD.status = 'published' THEN UPDATE thread_totals SET published = published - 1 WHERE thread_id = OLD.thread_id; END IF; RETURN NULL; END IF; IF TG_OP = 'UPDATE' THEN IF OLD.status = 'published' AND NOT (NEW.status = 'published' AND NEW.thread_id = OLD.thread_id) THEN UPDATE thread_totals SET published = published - 1 WHERE thread_id = OLD.thread_id; END IF; IF NEW.status <> 'published' OR (OLD.status = 'published' AND NEW.thread_id = OLD.thread_id) THEN RETURN NULL; END IF; ELSIF NEW.status <> 'published' THEN RETURN NULL; END IF; INSERT INTO thread_totals AS t (thread_id, published) VALUES (NEW.thread_id, 1) ON CONFLICT (thread_id) DO UPDATE SET published = t.published + 1; RETURN NULL; END $$;
CREATE TRIGGER comments_thread_totals AFTER INSERT OR DELETE OR UPDATE OF status, thread_id ON comments
  FOR EACH ROW EXECUTE FUNCTION thread_totals_follow();

-- One index per comment order, so a first page reads its rows in order and stops at the limit.
CREATE INDEX comments_thread_time ON comments (thread_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_thread_top ON comments (thread_id, likes, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_parent_time ON comments (parent_id, created_at, id);
DROP INDEX comments_thread;
DROP INDEX comments_parent;
