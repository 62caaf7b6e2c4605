-- The name keys written for exactly one OpenAlex id: a listing without an id under such a name is that author, as the app
-- resolves it (a name written for several ids cannot be told apart, so it stays a name-only author). A name's key: lower-cased,
-- its words (runs of anything but ASCII spaces and punctuation) joined by one space. Keys are made once per distinct name and id.
SELECT k.name_key AS name_key, MIN(k.author_id) AS author_id
FROM (
  SELECT DISTINCT array_join(regexp_extract_all(lower(n.author_name), '[^ -/:-`{-~]+', 0), ' ') AS name_key, n.author_id AS author_id
  FROM (
    SELECT DISTINCT w.a.author.id AS author_id, COALESCE(w.a.author.display_name, w.a.raw_author_name) AS author_name
    FROM (SELECT explode(authorships) AS a FROM field_works) w
    WHERE w.a.author.id IS NOT NULL
  ) n
  WHERE n.author_name IS NOT NULL
) k
WHERE k.name_key <> ''
GROUP BY k.name_key
HAVING COUNT(*) = 1
