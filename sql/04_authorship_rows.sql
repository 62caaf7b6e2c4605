-- One row per listed author with an identity: the OpenAlex id; without one, the one id that claims the name key, else the name
-- key itself ('name:<key>', an author the app keys by name). Two listings of one name on a work are one author there.
SELECT l.work_id AS work_id, l.year AS year, COALESCE(l.given_id, c.author_id, concat('name:', l.name_key)) AS author_id, l.author_name AS author_name,
  l.institutions AS institutions, l.countries AS countries
FROM listed_authors l
LEFT JOIN name_claims c ON l.given_id IS NULL AND c.name_key = l.name_key
WHERE l.given_id IS NOT NULL OR l.name_key <> ''
