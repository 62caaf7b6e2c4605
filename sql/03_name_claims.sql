-- The name keys written for exactly one OpenAlex id: a listing without an id under such a name is that author, as the app
-- resolves it (a name written for several ids cannot be told apart, so it stays a name-only author).
SELECT c.name_key AS name_key, MIN(c.given_id) AS author_id
FROM (SELECT DISTINCT name_key, given_id FROM listed_authors WHERE given_id IS NOT NULL AND name_key <> '') c
GROUP BY c.name_key
HAVING COUNT(*) = 1
