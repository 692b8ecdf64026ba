package io.flashbridge.intake.file;

import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.annotation.FixedLengthRecord;

/**
 * ABA type 0, the descriptive record that opens a batch. Positions 2–18 are blank in the
 * standard; some banks put the funding BSB and account there, which is accepted and ignored.
 * Positions 81–84 may hold a processing time.
 */
@FixedLengthRecord(length = 120, ignoreTrailingChars = true)
public class AbaDescriptiveRecord {

    @DataField(pos = 1, length = 1)
    String recordType;
    @DataField(pos = 2, length = 17)
    String fundingAccount;
    @DataField(pos = 19, length = 2)
    String reelSequence;
    @DataField(pos = 21, length = 3, trim = true, align = "L")
    String bank;
    @DataField(pos = 24, length = 7)
    String blank;
    @DataField(pos = 31, length = 26, trim = true, align = "L")
    String userName;
    @DataField(pos = 57, length = 6, trim = true)
    String userId;
    @DataField(pos = 63, length = 12, trim = true, align = "L")
    String description;
    @DataField(pos = 75, length = 6, trim = true)
    String processingDate;
    @DataField(pos = 81, length = 40)
    String rest;
}
