-- 0013: a password set by someone else (an administrator's reset) is a one-time password: the
-- account must choose its own at the next sign-in before it can do anything else.
ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
