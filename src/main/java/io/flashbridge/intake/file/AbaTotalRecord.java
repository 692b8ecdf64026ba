package io.flashbridge.intake.file;

import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.annotation.FixedLengthRecord;

/** ABA type 7, the file total record that closes a batch: net, credit and debit totals in cents and the detail count. */
@FixedLengthRecord(length = 120, ignoreTrailingChars = true)
public class AbaTotalRecord {

    @DataField(pos = 1, length = 1)
    String recordType;
    @DataField(pos = 2, length = 7, trim = true)
    String bsbFiller;
    @DataField(pos = 9, length = 12)
    String blank;
    @DataField(pos = 21, length = 10, trim = true)
    String netTotal;
    @DataField(pos = 31, length = 10, trim = true)
    String creditTotal;
    @DataField(pos = 41, length = 10, trim = true)
    String debitTotal;
    @DataField(pos = 51, length = 24)
    String blank2;
    @DataField(pos = 75, length = 6, trim = true)
    String count;
    @DataField(pos = 81, length = 40)
    String rest;
}
