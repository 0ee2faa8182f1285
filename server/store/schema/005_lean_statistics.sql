-- Planner statistics only where plans turn on them. Gathering the token and reference arrays'
-- element statistics was most of what ANALYZE of resources cost (on the embedded store it holds
-- the only thread, and arrivals wait: about 60 of 100 ms per run at a few thousand letters);
-- overlap (&&) on them is always answered from their GIN indexes, which the default selectivity
-- already chooses. The content column is never filtered on.
ALTER TABLE resources ALTER COLUMN tokens SET STATISTICS 0;
ALTER TABLE resources ALTER COLUMN refs SET STATISTICS 0;
ALTER TABLE resources ALTER COLUMN content SET STATISTICS 0;
