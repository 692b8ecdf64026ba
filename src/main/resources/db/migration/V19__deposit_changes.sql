-- The status each deposit had in the last deposit file that closed its day (the end-of-day file or a
-- changes file). A deposit whose status differs from it, or that no such file listed (it arrived
-- late), is reported again in a changes file. Deposits already in the ledger were reported as they are.
alter table deposit add column reported_status varchar(16);
update deposit set reported_status = status;
