-- Set when a file's ack is written and its payouts are queued (the intake route's last step).
-- A recorded batch that is not completed was interrupted: its file is resumed, not called a duplicate.
alter table batch add column completed boolean default false not null;
update batch set completed = true;
