-- Instants are stored with their offset (written in UTC), so ordering never depends on the host's
-- time zone or a daylight-saving change. Existing values are read in the session's zone once.
alter table batch alter column received_at set data type timestamp with time zone;
alter table batch alter column final_report_at set data type timestamp with time zone;
alter table batch alter column last_interim_at set data type timestamp with time zone;
alter table instruction alter column created_at set data type timestamp with time zone;
alter table instruction alter column updated_at set data type timestamp with time zone;
alter table instruction alter column last_event_at set data type timestamp with time zone;
alter table instruction alter column polled_at set data type timestamp with time zone;
alter table webhook_event alter column received_at set data type timestamp with time zone;
alter table webhook_pending alter column received_at set data type timestamp with time zone;
alter table audit alter column at set data type timestamp with time zone;

-- Who asked for a change when a person did (an operator's replay); null for Flash and the bridge.
alter table audit add column actor varchar(100);
