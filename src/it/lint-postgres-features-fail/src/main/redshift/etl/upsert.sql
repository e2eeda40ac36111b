INSERT INTO app.accounts (id, note) VALUES (1, 'x')
ON CONFLICT (id) DO NOTHING;
UPDATE app.accounts SET note = 'y' WHERE id = 1 RETURNING id;
