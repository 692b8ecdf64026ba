-- Pending webhook events are few (each leaves the table once applied), so the sweeper reads the table
-- whole; without its own index every stored and every applied event writes one structure less.
drop index ix_webhook_pending_received;
