package io.flashbridge.intake.file;

import io.flashbridge.instruction.PayoutFields;
import org.apache.camel.dataformat.bindy.annotation.CsvRecord;
import org.apache.camel.dataformat.bindy.annotation.DataField;

/**
 * One row of a payout CSV. Every column is read as text; {@code PayoutValidator} turns the text
 * into typed values so one bad cell rejects its row, not the whole file.
 */
@CsvRecord(separator = ",", skipFirstLine = true, quote = "\"", allowEmptyStream = true)
public class PayoutCsvRow {

    static final String[] HEADER = {"payment_id", "amount", "currency", "bsb", "account_number", "account_name", "payid",
            "payid_type", "reference", "remitter_name", "reason", "email"};

    @DataField(pos = 1, trim = true)
    private String paymentId;
    @DataField(pos = 2, trim = true)
    private String amount;
    @DataField(pos = 3, trim = true)
    private String currency;
    @DataField(pos = 4, trim = true)
    private String bsb;
    @DataField(pos = 5, trim = true)
    private String accountNumber;
    @DataField(pos = 6, trim = true)
    private String accountName;
    @DataField(pos = 7, trim = true)
    private String payId;
    @DataField(pos = 8, trim = true)
    private String payIdType;
    @DataField(pos = 9, trim = true)
    private String reference;
    @DataField(pos = 10, trim = true)
    private String remitterName;
    @DataField(pos = 11, trim = true)
    private String reason;
    @DataField(pos = 12, trim = true)
    private String email;

    PayoutFields fields() {
        return new PayoutFields(paymentId, amount, currency, bsb, accountNumber, accountName, payId, payIdType, reference,
                remitterName, reason, email);
    }
}
