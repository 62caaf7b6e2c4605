-- The institutions of each author (OpenAlex id, name, country code) over all their works, once each.
SELECT DISTINCT i.author_id AS author_id, i.inst.id AS institution_id, i.inst.display_name AS institution, i.inst.country_code AS country_code
FROM (SELECT author_id, explode(institutions) AS inst FROM authorship_rows) i
WHERE i.inst.id IS NOT NULL
