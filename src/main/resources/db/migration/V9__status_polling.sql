-- When the poller last read this payout back from Flash, so that each run asks about the payouts
-- asked about least recently (a webhook Flash gave up on must not starve behind a long review).
alter table instruction add column polled_at timestamp;
