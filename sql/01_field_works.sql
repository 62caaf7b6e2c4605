-- The works of the field: every work the condition keeps. ${WHERE} is the --where condition (TRUE when none):
-- the CLI puts it in for DuckDB, spark-sql takes it as --hivevar WHERE="…". A work id found twice (in two
-- updated_date partitions) counts once below: authorships are distinct (work, author) pairs.
SELECT id AS work_id, publication_year AS year, title, authorships
FROM works
WHERE ${WHERE}
