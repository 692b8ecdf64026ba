-- H2 writes an identity's metadata each time its cache of ids runs out (32 by default), and every such
-- write empties every session's cache of parsed statements: with an audit row per status change,
-- the ledger re-parsed its SQL every few dozen changes. As for instruction ids (V3).
alter table audit alter column id set cache 10000;
alter table status_outbox alter column id set cache 10000;
alter table deposit_audit alter column id set cache 10000;
alter table deposit_outbox alter column id set cache 10000;
