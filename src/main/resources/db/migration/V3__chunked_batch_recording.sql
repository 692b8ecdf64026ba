-- Large batches are recorded in several transactions; a batch counts only once it is complete.
alter table batch add column recorded boolean default false not null;
update batch set recorded = true;

-- Accepted rows live in instruction; batch_line keeps only the rows refused at intake.
delete from batch_line where outcome = 'ACCEPTED';

-- The idempotency key is derived one-to-one from (source, payment_id), which is unique already.
alter table instruction drop constraint uq_instruction_idempotency_key;

-- H2 stores TEXT as a CLOB outside the row, which made every insert several times slower.
alter table instruction alter column payload set data type varchar(8000);
alter table webhook_event alter column body set data type varchar(100000);

-- Duplicate checks look payment ids up with IN lists, which H2 answers only from a single-column index.
create index ix_instruction_payment_id on instruction (payment_id);

-- H2 rewrites an identity's metadata each time its cache of ids runs out (every 32 by default).
alter table instruction alter column id set cache 10000;
