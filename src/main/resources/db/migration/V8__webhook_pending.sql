-- Events stored but not yet applied to the ledger. A row leaves when its event is processed, so the
-- sweeper reads a handful of rows instead of scanning every webhook ever received, and processing
-- no longer rewrites the stored event (its body stays as received, written once).
create table webhook_pending (
    request_id  varchar(100) primary key,
    received_at timestamp    not null
);
create index ix_webhook_pending_received on webhook_pending (received_at);
insert into webhook_pending (request_id, received_at)
    select request_id, received_at from webhook_event where processed_at is null;
alter table webhook_event drop column processed_at;
