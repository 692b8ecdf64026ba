package io.flashbridge.intake.file;

import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.annotation.FixedLengthRecord;

/** ABA type 1, one credit (codes 50–57) or debit (13) to a BSB and account; the amount is in cents. */
@FixedLengthRecord(length = 120, ignoreTrailingChars = true)
public class AbaDetailRecord {

    @DataField(pos = 1, length = 1)
    String recordType;
    @DataField(pos = 2, length = 7, trim = true)
    String bsb;
    @DataField(pos = 9, length = 9, trim = true)
    String accountNumber;
    @DataField(pos = 18, length = 1)
    String indicator;
    @DataField(pos = 19, length = 2, trim = true)
    String transactionCode;
    @DataField(pos = 21, length = 10, trim = true)
    String amountCents;
    @DataField(pos = 31, length = 32, trim = true, align = "L")
    String accountTitle;
    @DataField(pos = 63, length = 18, trim = true, align = "L")
    String lodgementReference;
    @DataField(pos = 81, length = 7, trim = true)
    String traceBsb;
    @DataField(pos = 88, length = 9, trim = true)
    String traceAccount;
    @DataField(pos = 97, length = 16, trim = true, align = "L")
    String remitterName;
    @DataField(pos = 113, length = 8, trim = true)
    String withholdingTax;
}
