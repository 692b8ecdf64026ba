-- One index serves both the per-status queries (parked, stuck) and the per-batch probes of the
-- status-file checks (status = ? and batch_id = ?); lookups by batch_id alone use the foreign key's
-- index. One index less to maintain on every insert and every status change.
create index ix_instruction_status_batch on instruction (status, batch_id);
drop index ix_instruction_batch_status;
drop index ix_instruction_status;
