package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.flashbridge.support.AbaFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV and ABA reading with camel-bindy: physical line numbers, quoting, BOM, ABA variants and totals. */
class PayoutReadersTest {

    private static final String HEADER = "payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,reference,remitter_name,reason,email";
    private static DefaultCamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @Test
    void keepsPhysicalLineNumbersAcrossBlankLinesAndReadsQuotedCommas() {
        String csv = "\uFEFF" + HEADER + "\r\nP1,1.00,AUD,062000,12345678,Ann Lee,,,A,,,\r\n\r\n\r\n"
                + "P2,2.00,AUD,062000,12345678,\"Smith, Jones & Co\",,,\"Invoice 2, final\",,,\r\n";

        ParsedFile parsed = new CsvRowReader(16_384).read(csv);

        assertThat(parsed.fileProblem()).isNull();
        assertThat(parsed.rows()).extracting(ParsedFile.Row::lineNumber).containsExactly(2, 5);
        assertThat(parsed.rows().get(1).payout().accountName()).isEqualTo("Smith, Jones & Co");
        assertThat(parsed.rows().get(1).payout().reference()).isEqualTo("Invoice 2, final");
    }

    @Test
    void acceptsAHeaderWithoutTheOptionalColumns() {
        String csv = "payment_id,amount,currency,bsb,account_number,account_name,payid,payid_type,reference,remitter_name\n"
                + "P1,1.00,AUD,062000,12345678,Ann Lee,,,A,Acme\n";

        ParsedFile parsed = new CsvRowReader(16_384).read(csv);

        assertThat(parsed.fileProblem()).isNull();
        assertThat(parsed.rows().get(0).payout().remitterName()).isEqualTo("Acme");
    }

    @Test
    void refusesAFileWhoseHeaderDoesNotNameTheColumns() {
        ParsedFile parsed = new CsvRowReader(16_384).read("id,amount\nP1,1.00\n");

        assertThat(parsed.fileProblem()).startsWith("line 1: the header must be payment_id,amount,");
    }

    @Test
    void readsEveryAbaVariantTheSameWay() {
        AbaFile standard = new AbaFile().batch("ACME", "PAY", false)
                .credit("062-000", "12345678", 12_345, "Ann Lee", "REF", "ACME").total();
        AbaFile bankVariant = new AbaFile().batch("ACME", "PAY", true)
                .credit("062-000", "12345678", 12_345, "Ann Lee", "REF", "ACME").total().lineEndings("\n", false);

        ParsedFile a = new AbaPayoutReader(camel).read(new String(standard.bytes(), StandardCharsets.ISO_8859_1));
        ParsedFile b = new AbaPayoutReader(camel).read(new String(bankVariant.bytes(), StandardCharsets.ISO_8859_1));

        assertThat(a.fileProblem()).isNull();
        assertThat(b.fileProblem()).isNull();
        assertThat(a.rows().get(0).payout()).isEqualTo(b.rows().get(0).payout());
        assertThat(a.rows().get(0).payout().amount()).isEqualTo("123.45");
        assertThat(a.rows().get(0).payout().bsb()).isEqualTo("062-000");
        assertThat(a.rows().get(0).payout().accountName()).isEqualTo("Ann Lee");
    }

    @Test
    void givesIdenticalAbaDetailsDistinctIdsAndKeepsIdsWhenAnotherRowChanges() {
        AbaFile original = new AbaFile().batch("ACME", "PAY", false)
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME")
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME")
                .credit("062-000", "99999999", 500, "Bob Ray", "REF", "ACME").total();
        AbaFile corrected = new AbaFile().batch("ACME", "PAY", false)
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME")
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME")
                .credit("062-000", "99999999", 600, "Bob Ray", "REF", "ACME").total();

        ParsedFile first = new AbaPayoutReader(camel).read(new String(original.bytes(), StandardCharsets.ISO_8859_1));
        ParsedFile second = new AbaPayoutReader(camel).read(new String(corrected.bytes(), StandardCharsets.ISO_8859_1));

        assertThat(first.rows().get(0).payout().paymentId()).isNotEqualTo(first.rows().get(1).payout().paymentId());
        assertThat(second.rows().get(0).payout().paymentId()).isEqualTo(first.rows().get(0).payout().paymentId());
        assertThat(second.rows().get(1).payout().paymentId()).isEqualTo(first.rows().get(1).payout().paymentId());
        assertThat(second.rows().get(2).payout().paymentId()).isNotEqualTo(first.rows().get(2).payout().paymentId());
    }

    @Test
    void handsALargeAbaFileOnInChunksAndNumbersIdenticalDetailsAcrossThem() throws IOException {
        AbaFile file = new AbaFile().batch("ACME", "PAY", false);
        for (int i = 0; i < 5_000; i++) {
            // Details i and i + 3,000 are identical: the repeats fall in later chunks than their first.
            file.credit("062-000", String.valueOf(10_000_000 + i % 3_000), 100, "Payee", "REF", "ACME");
        }
        String text = new String(file.total().bytes(), StandardCharsets.ISO_8859_1);
        List<Integer> chunkSizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        String problem = new AbaPayoutReader(camel).read(new LineSource(new StringReader(text), 120), chunk -> {
            chunkSizes.add(chunk.size());
            chunk.forEach(row -> ids.add(row.payout().paymentId()));
        });

        assertThat(problem).isNull();
        assertThat(chunkSizes).containsExactly(1_000, 1_000, 1_000, 1_000, 1_000);
        assertThat(ids).doesNotHaveDuplicates().hasSize(5_000);
        assertThat(new AbaPayoutReader(camel).read(text).rows()).extracting(row -> row.payout().paymentId()).isEqualTo(ids);
    }

    @Test
    void refusesAbaFilesWithAWrongRecordCountOrNoTotalRecord() {
        AbaFile wrongCount = new AbaFile().batch("ACME", "PAY", false)
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME").total(100, 0, 2);
        AbaFile noTotal = new AbaFile().batch("ACME", "PAY", false)
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME");

        assertThat(new AbaPayoutReader(camel).read(new String(wrongCount.bytes(), StandardCharsets.ISO_8859_1)).fileProblem())
                .isEqualTo("line 3: record count 000002 does not match the 1 detail records of the batch");
        assertThat(new AbaPayoutReader(camel).read(new String(noTotal.bytes(), StandardCharsets.ISO_8859_1)).fileProblem())
                .isEqualTo("line 2: the last batch has no total record (7)");
    }
}
