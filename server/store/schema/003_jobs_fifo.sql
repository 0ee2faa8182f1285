-- Claims take due ready jobs oldest first by id (FIFO) from this index, with no sort: jobs
-- committed together share run_at, so ordering by run_at sorted every waiting job on each claim.
-- Expired leases are returned to 'ready' by a separate sweep, so the claim reads one status.
DROP INDEX jobs_claim;
CREATE INDEX jobs_claim ON jobs (kind, status, id);
