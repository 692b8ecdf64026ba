-- The uniqueness of (source, payment_id) and the payment-id lookups of duplicate checks share one
-- index when payment_id leads: one index less to maintain on every insert.
alter table instruction drop constraint uq_instruction_source_payment;
alter table instruction add constraint uq_instruction_payment_source unique (payment_id, source);
drop index ix_instruction_payment_id;
