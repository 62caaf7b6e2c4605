-- One row per author listed on a work, as written: the OpenAlex id of the author, the name on this work, its institutions and countries.
-- Authors without an OpenAlex id are left out (the app keys them by name; OpenAlex gives every listed author an id).
SELECT w.work_id AS work_id, w.year AS year, w.a.author.id AS author_id, w.a.author.display_name AS author_name, w.a.institutions AS institutions, w.a.countries AS countries
FROM (SELECT work_id, year, explode(authorships) AS a FROM field_works) w
WHERE w.a.author.id IS NOT NULL
