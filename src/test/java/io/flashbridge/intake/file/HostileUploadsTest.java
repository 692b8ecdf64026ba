package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.embedded.EmbeddedSftpProperties;
import io.flashbridge.support.AbaFile;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads an outsider or a broken export would send: each gets a clear, line-numbered answer and good rows still flow. */
@BridgeTest
class HostileUploadsTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HEADER = CsvLines.PAYOUT_HEADER;

    @Autowired
    PayoutFileIntake intake;
    @Autowired
    EmbeddedSftpProperties sftpProperties;

    @Test
    void answersAnEmptyFileAtOnceAndMovesItToFailed() throws IOException {
        String name = "empty-" + run;

        erp.drop("outbox/payouts", name + ".csv", new byte[0]);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack).singleElement().satisfies(row -> assertThat(row.get("reason")).contains("the file is empty"));
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> erp.archived("outbox/payouts/failed", name));
    }

    @Test
    void refusesAUtf16FileNamingTheEncodingOnEveryLine() throws IOException {
        String name = "utf16-" + run;
        byte[] utf16 = (HEADER + "U-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n").getBytes(StandardCharsets.UTF_16);

        erp.drop("outbox/payouts", name + ".csv", utf16);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack).extracting(row -> row.get("line_number")).containsExactly("1", "2");
        assertThat(ack).allSatisfy(row -> assertThat(row.get("reason")).contains("UTF-16").contains("save it as UTF-8"));
        assertThat(erp.awaitAck(name, PATIENCE)).doesNotContain("\u0000");
    }

    @Test
    void refusesALatin1FileAtTheLineWhereItStopsBeingUtf8() throws IOException {
        String name = "latin1-" + run;
        byte[] latin1 = (HEADER + "L-" + run + "-1,10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n"
                + "L-" + run + "-2,10.00,AUD,062000,12345678,Zoë Müller,,,REF,,,\r\n").getBytes(StandardCharsets.ISO_8859_1);

        erp.drop("outbox/payouts", name + ".csv", latin1);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack).hasSize(3).allSatisfy(row -> assertThat(row.get("reason"))
                .contains("line 3: the file is not valid UTF-8 (byte 0xEB)").contains("Latin-1"));
        assertThat(jdbc.queryForObject("select count(*) from instruction where payment_id like ?", Integer.class, "L-" + run + "%"))
                .isZero();
    }

    @Test
    void refusesControlCharactersAndNeutralisesFormulasWhileGoodRowsFlow() throws IOException {
        String name = "hostile-" + run;
        String good = "G-" + run;
        String csv = HEADER
                + good + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n"
                + "N-" + run + ",10.00,AUD,062000,12345678,Ann\u0000Lee,,,RE\u0000F,,,\r\n"
                + "\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n"
                + "B-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,\"" + "x".repeat(1_000_000) + "\",,,\r\n"
                + "C-" + run + "," + "x,".repeat(5_000) + "x\r\n";

        erp.drop("outbox/payouts", name + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        String ackText = erp.awaitAck(name, PATIENCE);
        List<Map<String, String>> ack = CsvLines.parse(ackText);
        assertThat(ack).extracting(row -> row.get("line_number") + " " + row.get("status"))
                .containsExactly("2 ACCEPTED", "3 REJECTED", "4 REJECTED", "5 REJECTED", "6 REJECTED");
        assertThat(ack.get(1).get("reason")).contains("account_name: has a control character (U+0000) at position 4")
                .contains("reference: has a control character");
        assertThat(ack.get(2).get("payment_id")).startsWith("'=HYPERLINK");
        assertThat(ack.get(3).get("reason")).isEqualTo("line 5: the row is 1000052 characters long; at most 16384");
        assertThat(ack.get(4).get("reason")).isEqualTo("line 6: the row has 5002 columns; the header has 12");
        assertThat(ackText.length()).isLessThan(4_000);
        Map<String, Map<String, String>> status = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE));
        assertThat(status.get(good)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void answersALongUploadNameWithAckAndFinalStatusFiles() throws IOException {
        String name = "long-" + run + "-" + "n".repeat(230);
        String paymentId = "LN-" + run;

        erp.drop("outbox/payouts", name + ".csv", (HEADER + paymentId + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));

        String stem = name.substring(0, 160);
        assertThat(CsvLines.parse(erp.awaitAck(stem, PATIENCE))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("status", "ACCEPTED"));
        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus(stem, PATIENCE)).get(paymentId)).containsEntry("status", "CONFIRMED");
    }

    @Test
    void answersAnUploadNameWithControlCharactersUnderASafeName() throws IOException {
        String name = "ctl\u0001name-" + run;

        erp.drop("outbox/payouts", name + ".csv", (HEADER + "CT-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(CsvLines.parse(erp.awaitAck("ctl_name-" + run, PATIENCE))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("status", "ACCEPTED"));
    }

    @Test
    void readsAFileUploadedSlowlyUnderItsFinalNameOnlyOnceItStoppedGrowing() throws Exception {
        // 3 seconds of writes 100 ms apart: every sub-second phase of the file's modification time is met
        assertEveryRowAcceptedAfterASlowUpload("slow-" + run, "SL-", 60, 30, Duration.ofMillis(100));
    }

    @Test
    void readsAnUploadThatPausesLongerThanTheUnchangedTimeOnlyOnceItsUploaderClosesIt() throws Exception {
        // Half the file, then 2 s with nothing written (4 times flashbridge.intake.unchanged-for), then the rest:
        // the embedded server knows the upload is still open.
        assertEveryRowAcceptedAfterASlowUpload("paused-" + run, "PA-", 40, 2, Duration.ofSeconds(2));
    }

    /** Uploads {@code rows} good rows under their final name in {@code pieces} writes {@code pause} apart. */
    private void assertEveryRowAcceptedAfterASlowUpload(String name, String idPrefix, int rows, int pieces, Duration pause)
            throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= rows; n++) {
            csv.append(idPrefix).append(run).append('-').append(n).append(",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n");
        }

        erp.dropSlowly("outbox/payouts", name + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8), pieces, pause);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack).as("one ack row per row, all of them accepted").hasSize(rows)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ACCEPTED"));
    }

    @Test
    void readsAFileCopiedIntoTheOutboxOnDiskWhichTheServerNeverSawUploaded() throws IOException {
        String name = "copied-" + run;
        Path outbox = sftpProperties.root().resolve("outbox/payouts");

        Files.writeString(outbox.resolve(name + ".csv"), HEADER + "CP-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n");

        assertThat(CsvLines.parse(erp.awaitAck(name, PATIENCE))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("status", "ACCEPTED"));
    }

    @Test
    void givesTwoBatchesWithTheSameUploadNameTheirOwnAckFiles() throws IOException {
        String name = "same-" + run;
        erp.drop("outbox/payouts", name + ".csv", (HEADER + "S1-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));
        erp.awaitAck(name, PATIENCE);
        // The ack is written before the upload is archived: the same name is free again once it left the outbox.
        Awaitility.await().atMost(PATIENCE).until(() -> !erp.list("outbox/payouts").contains(name + ".csv"));

        erp.drop("outbox/payouts", name + ".csv", (HEADER + "S2-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));

        Awaitility.await().atMost(PATIENCE).until(() -> erp.list("inbox").stream()
                .filter(file -> file.matches(name + "\\.ack-[0-9a-f]{12}\\.csv")).count() == 2);
    }

    @Test
    void keepsEveryArchivedUploadWhenTheErpReusesAFileName() throws IOException {
        String name = "daily-" + run;
        String first = HEADER + "D1-" + run + ",10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n";
        String second = HEADER + "D2-" + run + ",20.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n";
        erp.drop("outbox/payouts", name + ".csv", first.getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> !erp.list("outbox/payouts").contains(name + ".csv"));

        erp.drop("outbox/payouts", name + ".csv", second.getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> !erp.list("outbox/payouts").contains(name + ".csv"));

        List<String> archived = erp.list("outbox/payouts/done").stream().filter(file -> file.contains(name)).toList();
        assertThat(archived).hasSize(2);
        assertThat(archived.stream().map(file -> read("outbox/payouts/done/" + file))).containsExactlyInAnyOrder(first, second);
    }

    private String read(String path) {
        try {
            return erp.read(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rejectsAnAbaFileWithARowForItsOverlongRecord() throws IOException {
        String name = "long-record-" + run;
        String aba = new String(new AbaFile().batch("ACME", "LONG", false)
                .credit("062-000", "12345678", 100, "Ann Lee", "REF", "ACME").total().bytes(), StandardCharsets.US_ASCII);
        String[] lines = aba.split("\r\n");
        lines[1] = lines[1] + "X";

        erp.drop("outbox/payouts", name + ".aba", String.join("\r\n", lines).getBytes(StandardCharsets.US_ASCII));

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack.get(0)).containsEntry("line_number", "2").containsEntry("status", "REJECTED")
                .containsEntry("reason", "line 2: record is 121 characters; ABA records are 120");
        assertThat(ack).allSatisfy(row -> assertThat(row).containsEntry("status", "REJECTED"));
    }

    @Test
    void refusesAFileWithMoreRowsThanTheLimitWithoutReadingThem() throws IOException {
        Path file = Files.createTempFile("many-rows", ".csv");
        Files.write(file, (HEADER + "\n".repeat(1_000_001)).getBytes(StandardCharsets.UTF_8));

        PayoutFileIntake.Outcome outcome = intake.receive("many-" + run + ".csv", file);

        assertThat(outcome.archive()).startsWith("failed/");
        assertThat(CsvLines.parse(Files.readString(outcome.ack().toPath()))).singleElement().satisfies(row -> assertThat(row.get("reason"))
                .contains("over the limit of 1000000 rows (flashbridge.intake.max-rows)"));
    }
}
