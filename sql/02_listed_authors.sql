-- One row per author listed on a work, as written: the OpenAlex id (null when OpenAlex gives none), the name on this work
-- (display_name, else raw_author_name, as the app's OpenAlex import reads it) and its key: lower-cased, its words (runs of
-- anything but ASCII spaces and punctuation) joined by one space. Listings with neither id nor name are left out.
SELECT w.work_id AS work_id, w.year AS year, w.a.author.id AS given_id, COALESCE(w.a.author.display_name, w.a.raw_author_name) AS author_name,
  array_join(regexp_extract_all(lower(COALESCE(w.a.author.display_name, w.a.raw_author_name)), '[^ -/:-`{-~]+', 0), ' ') AS name_key,
  w.a.institutions AS institutions, w.a.countries AS countries
FROM (SELECT work_id, year, explode(authorships) AS a FROM field_works) w
WHERE w.a.author.id IS NOT NULL OR COALESCE(w.a.author.display_name, w.a.raw_author_name) IS NOT NULL
