-- Every input row of a batch with its intake outcome, so status files can list rejected rows too.
create table batch_line (
    batch_id    varchar(64)   not null references batch (id),
    line_number integer       not null,
    payment_id  varchar(64),
    outcome     varchar(16)   not null,
    reason      varchar(1000),
    primary key (batch_id, line_number)
);

alter table batch add column ack_file varchar(255);
alter table batch add column last_interim_at timestamp;

-- When the last applied Flash event happened: older events never move a payout.
alter table instruction add column last_event_at timestamp;
-- The status the ERP was last told in a final status file; a later change is reported as a correction.
alter table instruction add column reported_status varchar(24);
alter table instruction add column last_error varchar(1000);
