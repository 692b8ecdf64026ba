-- A payout Flash refused for insufficient funds waits (status AWAITING_FUNDS) from this time until
-- the balance covers it or the wait set in routes/funds.camel.yaml is over; its place in the queue
-- of waiting payouts is this time too.
alter table instruction add column awaiting_funds_since timestamp with time zone;
create index ix_instruction_awaiting_funds on instruction (awaiting_funds_since);
