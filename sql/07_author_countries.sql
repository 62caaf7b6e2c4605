-- The countries of each author: the countries list of each authorship and the country codes of its institutions, once each.
SELECT DISTINCT c.author_id AS author_id, c.country AS country
FROM (
  SELECT author_id, explode(countries) AS country FROM authorship_rows
  UNION ALL
  SELECT author_id, country_code AS country FROM author_institutions
) c
WHERE c.country IS NOT NULL
