-- Status-file checks probe (batch_id, status) instead of walking every row of a batch.
create index ix_instruction_batch_status on instruction (batch_id, status);

-- Set when a payout of an already reported batch changes, so corrections need no scan.
alter table batch add column correction_due boolean default false not null;
