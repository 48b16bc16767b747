CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (lower(email));
