-- One row per author listed on a work, as written: who (the OpenAlex id; without one, the one id that claims the name's key,
-- else the key itself, 'name:<key>', an author the app keys by name), the name on this work (display_name, else
-- raw_author_name, as the app's OpenAlex import reads it), its institutions and countries. Listings with neither id nor
-- name are left out; two listings of one name on a work are one author there (authorships are distinct).
SELECT r.work_id AS work_id, r.year AS year, COALESCE(r.given_id, c.author_id, concat('name:', r.name_key)) AS author_id, r.author_name AS author_name,
  r.institutions AS institutions, r.countries AS countries
FROM (
  SELECT w.work_id AS work_id, w.year AS year, w.a.author.id AS given_id, COALESCE(w.a.author.display_name, w.a.raw_author_name) AS author_name,
    CASE WHEN w.a.author.id IS NULL THEN array_join(regexp_extract_all(lower(COALESCE(w.a.author.display_name, w.a.raw_author_name)), '[^ -/:-`{-~]+', 0), ' ') END AS name_key,
    w.a.institutions AS institutions, w.a.countries AS countries
  FROM (SELECT work_id, year, explode(authorships) AS a FROM field_works) w
) r
LEFT JOIN name_claims c ON c.name_key = r.name_key
WHERE r.given_id IS NOT NULL OR r.name_key <> ''
