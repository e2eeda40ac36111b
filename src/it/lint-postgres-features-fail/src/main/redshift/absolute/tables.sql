CREATE TABLE app.accounts (
    id SERIAL,
    profile JSONB,
    tags TEXT[],
    note TEXT,
    balance NUMERIC(12,2) CHECK (balance >= 0)
)
PARTITION BY RANGE (id);

CREATE INDEX accounts_note_idx ON app.accounts (note);
