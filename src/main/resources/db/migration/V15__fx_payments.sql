-- FX payments (kind PAYMENT) share the instruction table with payouts (kind WITHDRAWAL): amount and
-- currency are what the back office asked for (in the from or the to currency); Flash's answer and
-- events add what it debits and what it delivers, which may change while the payment executes.
alter table instruction add column from_amount decimal(19,2);
alter table instruction add column from_currency char(3);
alter table instruction add column to_amount decimal(19,2);
alter table instruction add column to_currency char(3);

-- Status events carry the kind and both legs of an FX payment.
alter table status_outbox add column kind varchar(16);
alter table status_outbox add column from_amount decimal(19,2);
alter table status_outbox add column from_currency char(3);
alter table status_outbox add column to_amount decimal(19,2);
alter table status_outbox add column to_currency char(3);
