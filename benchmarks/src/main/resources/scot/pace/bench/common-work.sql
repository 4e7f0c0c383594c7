-- The benchmark's common work in DuckDB, from the same CSV returns as the pipeline: the same
-- spells and counts as scot.pace.build.CommonWork (see its Javadoc and docs/measures.md).
-- ${returns}: the folder of return folders; the table former_codes(code, current) is filled first.

CREATE TABLE episodes_all AS
SELECT coalesce(f.current, r.la_code) AS council, CAST(r.collection_year AS INTEGER) AS yr, r.child_id, r.episode_id,
       TRY_CAST(r.episode_start AS DATE) AS episode_start, TRY_CAST(r.episode_end AS DATE) AS episode_end, r.destination
FROM read_csv('${returns}/*/episodes.csv', header = true, all_varchar = true) r
LEFT JOIN former_codes f ON r.la_code = f.code;

-- Latest return wins: each episode as the most recent return holding it gives it.
CREATE TABLE episodes AS
SELECT * EXCLUDE (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY council, child_id, episode_id ORDER BY yr DESC) AS rn FROM episodes_all)
WHERE rn = 1;

CREATE TABLE placements AS
SELECT p.* FROM (
  SELECT coalesce(f.current, r.la_code) AS council, CAST(r.collection_year AS INTEGER) AS yr, r.child_id, r.episode_id,
         TRY_CAST(r.placement_start AS DATE) AS placement_start, TRY_CAST(r.placement_end AS DATE) AS placement_end,
         r.placement_type
  FROM read_csv('${returns}/*/placements.csv', header = true, all_varchar = true) r
  LEFT JOIN former_codes f ON r.la_code = f.code) p
SEMI JOIN episodes e ON p.council = e.council AND p.child_id = e.child_id AND p.episode_id = e.episode_id AND p.yr = e.yr;

CREATE TABLE milestones AS
SELECT m.* FROM (
  SELECT coalesce(f.current, r.la_code) AS council, CAST(r.collection_year AS INTEGER) AS yr, r.child_id, r.episode_id,
         r.milestone, TRY_CAST(r.milestone_date AS DATE) AS milestone_date, r.route
  FROM read_csv('${returns}/*/permanence.csv', header = true, all_varchar = true) r
  LEFT JOIN former_codes f ON r.la_code = f.code) m
SEMI JOIN episodes e ON m.council = e.council AND m.child_id = e.child_id AND m.episode_id = e.episode_id AND m.yr = e.yr;

CREATE TABLE return_years AS
SELECT DISTINCT coalesce(f.current, r.la_code) AS council, CAST(r.collection_year AS INTEGER) AS collection_year
FROM read_csv('${returns}/*/children.csv', header = true, all_varchar = true) r
LEFT JOIN former_codes f ON r.la_code = f.code;

-- Spells: an episode starts a new spell when an earlier episode of the child had an outcome (an end
-- with a destination, or a GRANTED milestone).
CREATE TABLE episode_spells AS
WITH granted AS (
  SELECT DISTINCT council, child_id, episode_id FROM milestones WHERE milestone = 'GRANTED' AND milestone_date IS NOT NULL)
SELECT e.council, e.child_id, e.episode_id,
       1 + coalesce(sum(CASE WHEN (e.episode_end IS NOT NULL AND e.destination IS NOT NULL) OR g.episode_id IS NOT NULL
                             THEN 1 ELSE 0 END)
             OVER (PARTITION BY e.council, e.child_id ORDER BY e.episode_start, e.episode_id
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS spell_number
FROM episodes e LEFT JOIN granted g USING (council, child_id, episode_id);

CREATE TABLE journeys AS
WITH snapshot AS (
  SELECT council, make_date(max(yr), 7, 31) AS latest_snapshot FROM episodes GROUP BY council),
spell_episodes AS (
  SELECT e.*, s.spell_number FROM episodes e JOIN episode_spells s USING (council, child_id, episode_id)),
entry AS (
  SELECT council, child_id, spell_number FROM spell_episodes GROUP BY council, child_id, spell_number),
accommodated AS (
  SELECT p.council, p.child_id, s.spell_number, min(p.placement_start) AS first_accommodated
  FROM placements p JOIN episode_spells s USING (council, child_id, episode_id)
  WHERE p.placement_type <> 'HOME' GROUP BY ALL),
candidates AS (
  SELECT m.council, m.child_id, s.spell_number, m.milestone_date AS date, 0 AS priority, m.route
  FROM milestones m JOIN episode_spells s USING (council, child_id, episode_id)
  WHERE m.milestone = 'GRANTED' AND m.milestone_date IS NOT NULL
  UNION ALL
  SELECT council, child_id, spell_number, episode_end, 1,
         CASE destination WHEN 'HOME' THEN 'HOME' WHEN 'KIN_ORDER' THEN 'KCO' ELSE 'ADOPTION' END
  FROM spell_episodes WHERE episode_end IS NOT NULL AND destination IN ('HOME', 'KIN_ORDER', 'ADOPTED')),
permanence AS (
  SELECT council, child_id, spell_number, date AS permanence_date, route AS permanence_route FROM (
    SELECT *, row_number() OVER (PARTITION BY council, child_id, spell_number ORDER BY date, priority, route) AS rn
    FROM candidates)
  WHERE rn = 1),
exits AS (
  SELECT council, child_id, spell_number, min(episode_end) AS first_exit FROM spell_episodes
  WHERE episode_end IS NOT NULL AND destination IS NOT NULL AND destination NOT IN ('HOME', 'KIN_ORDER', 'ADOPTED')
  GROUP BY ALL)
SELECT e.council, e.child_id, e.spell_number, a.first_accommodated,
       CASE WHEN x.first_exit IS NULL OR p.permanence_date <= x.first_exit THEN p.permanence_date END AS permanence_date,
       CASE WHEN x.first_exit IS NULL OR p.permanence_date <= x.first_exit THEN p.permanence_route END AS permanence_route,
       CASE WHEN p.permanence_date IS NULL OR x.first_exit < p.permanence_date THEN x.first_exit END AS exit_date,
       s.latest_snapshot
FROM entry e
JOIN snapshot s USING (council)
LEFT JOIN accommodated a USING (council, child_id, spell_number)
LEFT JOIN permanence p USING (council, child_id, spell_number)
LEFT JOIN exits x USING (council, child_id, spell_number);

CREATE TABLE cohort AS
SELECT j.council, year(first_accommodated) + CASE WHEN month(first_accommodated) >= 8 THEN 1 ELSE 0 END AS cohort_year,
       coalesce(permanence_date, exit_date, latest_snapshot) - first_accommodated AS days,
       permanence_date IS NOT NULL AND permanence_route IN ('HOME', 'KCO', 'PO', 'POA', 'ADOPTION') AS reached,
       latest_snapshot - first_accommodated AS followable_days
FROM journeys j
JOIN (SELECT council, min(collection_year) AS first_year FROM return_years GROUP BY council) f USING (council)
WHERE first_accommodated IS NOT NULL
  AND coalesce(permanence_date, exit_date, latest_snapshot) >= first_accommodated
  AND year(first_accommodated) + CASE WHEN month(first_accommodated) >= 8 THEN 1 ELSE 0 END >= f.first_year;

CREATE TABLE open_episodes AS
SELECT y.council, y.collection_year, make_date(y.collection_year, 7, 31) AS snapshot_date, e.child_id, e.episode_id
FROM return_years y JOIN episodes e USING (council)
WHERE e.episode_start <= make_date(y.collection_year, 7, 31)
  AND (e.episode_end IS NULL OR e.episode_end > make_date(y.collection_year, 7, 31));

CREATE TABLE current_placements AS
SELECT o.council, o.collection_year, o.child_id, p.placement_type
FROM open_episodes o LEFT JOIN placements p
  ON o.council = p.council AND o.child_id = p.child_id AND o.episode_id = p.episode_id
WHERE p.placement_start IS NULL
   OR (p.placement_start <= o.snapshot_date AND (p.placement_end IS NULL OR p.placement_end > o.snapshot_date));

CREATE TABLE snapshot_children AS
SELECT c.council, c.collection_year, c.child_id, cp.placement_type
FROM (SELECT DISTINCT council, collection_year, child_id FROM open_episodes) c
LEFT JOIN current_placements cp USING (council, collection_year, child_id);

SELECT measure, council, year, value FROM (
  SELECT 'followed_2y' AS measure, council, cohort_year AS year, count_if(followable_days >= 730) AS value
  FROM cohort GROUP BY ALL
  UNION ALL
  SELECT 'within_2y', council, cohort_year, count_if(followable_days >= 730 AND reached AND days <= 730)
  FROM cohort GROUP BY ALL
  UNION ALL
  SELECT 'followed_4y', council, cohort_year, count_if(followable_days >= 1461) FROM cohort GROUP BY ALL
  UNION ALL
  SELECT 'over_4y', council, cohort_year, count_if(followable_days >= 1461 AND NOT (reached AND days <= 1461))
  FROM cohort GROUP BY ALL
  UNION ALL
  SELECT 'looked_after', council, collection_year, count(DISTINCT child_id) FROM snapshot_children GROUP BY ALL
  UNION ALL
  SELECT 'kinship', council, collection_year, count_if(placement_type = 'KIN') FROM snapshot_children GROUP BY ALL)
ORDER BY measure, council, year;
