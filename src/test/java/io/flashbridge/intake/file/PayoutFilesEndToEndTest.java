package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ERP's whole path, through the real YAML routes: a file dropped over SFTP, the ack file,
 * submission to the sandbox over HTTP, signed webhooks back, and the status file.
 */
@BridgeTest
class PayoutFilesEndToEndTest extends ErpTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String HEADER = CsvLines.PAYOUT_HEADER;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void paysGoodRowsOfACsvRejectsBadOnesAndReportsEveryRow() throws IOException {
        String name = "payouts-" + run;
        String csv = HEADER
                + id(1) + ",125.40,AUD,062-000,12345678,Katarina Oreiro,,,INV-1001,Acme Payroll Pty Ltd,,\r\n"
                + id(2) + ",200.00,AUD,062000,22345678,John Citizen,,,FAIL_AML test,,,\r\n"
                + id(3) + ",300.00,,062000,32345678,Mary Jones,,,PUSH_AML,,,\r\n"
                + id(4) + ",50.00,AUD,062000,42345678,Sam Halt,,,HALT_AML,,,\r\n"
                + id(5) + ",75.25,AUD,062000,52345678,Fay Acc,,,FAIL_ACC,,,\r\n"
                + id(6) + ",10.00,AUD,06200,62345678,Bad Bsb,,,BSB,,,\r\n"
                + id(7) + ",-5,AUD,062000,72345678,Neg Amount,,,NEG,,,\r\n"
                + "\r\n"
                + id(1) + ",125.40,AUD,062000,12345678,Katarina Oreiro,,,INV-1001 again,,,\r\n"
                + id(8) + ",42.00,AUD,,,\"Smith, Jones & Co\",pay8@example.com,EMAIL,\"Invoice 8, final\",,,\r\n";

        erp.drop("outbox/payouts", name + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PATIENCE));
        assertThat(ack).extracting(row -> row.get("line_number") + " " + row.get("payment_id") + " " + row.get("status"))
                .containsExactly("2 " + id(1) + " ACCEPTED", "3 " + id(2) + " ACCEPTED", "4 " + id(3) + " ACCEPTED",
                        "5 " + id(4) + " ACCEPTED", "6 " + id(5) + " ACCEPTED", "7 " + id(6) + " REJECTED",
                        "8 " + id(7) + " REJECTED", "10 " + id(1) + " DUPLICATE", "11 " + id(8) + " ACCEPTED");
        assertThat(ack.get(5).get("reason")).isEqualTo("line 7: bsb: \"06200\" must be 6 digits (e.g. 062-000)");
        assertThat(ack.get(6).get("reason")).startsWith("line 8: amount: \"-5\"");
        assertThat(ack.get(7).get("reason")).isEqualTo("line 10: payment_id " + id(1) + " is already on line 2");

        // HALT_AML holds one payout in review: the batch gets interim status files, not a final one.
        Map<String, String> halted = erp.awaitStatusRow(name, id(4), "REVIEWING", PATIENCE);
        assertThat(erp.finalStatusExists(name)).isFalse();
        SandboxServer.shared().admin("POST", "withdrawals/" + halted.get("flash_id") + "/approve", null);

        String finalStatus = erp.awaitFinalStatus(name, PATIENCE);
        Map<String, Map<String, String>> status = CsvLines.firstByPaymentId(finalStatus);
        assertThat(status.get(id(1))).containsEntry("status", "CONFIRMED").containsEntry("amount", "125.40")
                .containsEntry("fee", "0.50").containsEntry("currency", "AUD");
        assertThat(status.get(id(1)).get("flash_id")).matches("[0-9a-f]{24}");
        assertThat(status.get(id(2))).containsEntry("status", "CANCELLED").containsEntry("reject_code", "COMPLIANCE_DECLINED");
        assertThat(status.get(id(3))).containsEntry("status", "CONFIRMED");
        assertThat(status.get(id(4))).containsEntry("status", "CONFIRMED");
        assertThat(status.get(id(5))).containsEntry("status", "REFUNDED");
        assertThat(status.get(id(6))).containsEntry("status", "REJECTED");
        assertThat(status.get(id(6)).get("status_message")).contains("bsb");
        assertThat(status.get(id(8))).containsEntry("status", "CONFIRMED");
        assertThat(CsvLines.parse(finalStatus).get(7)).containsEntry("status", "DUPLICATE");
        assertThat(CsvLines.parse(finalStatus)).extracting(row -> row.get("line_number"))
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "10", "11");
        assertThat(erp.archived("outbox/payouts/done", name)).isTrue();
        // Each status file was written from a work file of its own, removed once it was in the inbox.
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(workFiles(name)).isEmpty());
    }

    @Test
    void writesAStatusFileTheInboxRefusedOnceItTakesItAndLeavesNoWorkFileBehind() throws Exception {
        String name = "blocked-" + run;
        byte[] csv = (HEADER + id(1) + ",61.00,AUD,062000,12345678,Blocked Inbox,,,BLOCKED,,,\r\n").getBytes(StandardCharsets.UTF_8);
        String statusFile = name + ".status-" + io.flashbridge.instruction.Sha256.hex(csv).substring(0, 12) + ".csv";
        // A folder under the status file's name: every upload of that file fails until it is gone.
        erp.mkdir("inbox/" + statusFile);

        double refusedBefore = refusedStatusFiles();
        erp.drop("outbox/payouts", name + ".csv", csv);

        Awaitility.await().atMost(PATIENCE).until(() -> refusedStatusFiles() > refusedBefore);
        // A new attempt may be rendering right now: its file lives only while it is uploaded.
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(workFiles(name)).isEmpty());
        erp.rmdir("inbox/" + statusFile);

        assertThat(CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(id(1)).get("status")).isEqualTo("CONFIRMED");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(workFiles(name)).isEmpty());
    }

    private double refusedStatusFiles() {
        return meters.counter("flashbridge.reports.failed", "report", "status").count();
    }

    /** Status-file work files of upload {@code name} (report-work in the data folders, which the tests make unique per use). */
    private static List<java.nio.file.Path> workFiles(String name) throws IOException {
        try (var files = java.nio.file.Files.find(java.nio.file.Path.of("target/test-data"), 3,
                (file, attributes) -> file.getParent().getFileName().toString().equals("report-work")
                        && file.getFileName().toString().startsWith(name))) {
            return files.toList();
        }
    }

    @Test
    void reportsABankReturnAfterTheFinalStatusFileAsACorrection() throws IOException {
        String name = "returned-" + run;
        erp.drop("outbox/payouts", name + ".csv", (HEADER + id(1) + ",99.00,AUD,062000,12345678,Ret Urned,,,RETURN,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> confirmed = CsvLines.byPaymentId(erp.awaitFinalStatus(name, PATIENCE)).get(id(1));
        assertThat(confirmed).containsEntry("status", "CONFIRMED");

        SandboxServer.shared().admin("POST", "withdrawals/" + confirmed.get("flash_id") + "/return", null);

        Map<String, String> correction = erp.awaitStatusRow(name, id(1), "REFUNDED", PATIENCE);
        assertThat(correction).containsEntry("previous_status", "CONFIRMED");
        List<Map<String, Object>> audit = jdbc.queryForList("select a.from_status, a.to_status, a.event, a.request_id from audit a "
                + "join instruction i on i.id = a.instruction_id where i.payment_id = ? order by a.id", id(1));
        assertThat(audit).extracting(row -> row.get("from_status") + ">" + row.get("to_status")).containsExactly(
                "RECEIVED>SUBMITTING", "SUBMITTING>INITIALISED", "INITIALISED>PENDING", "PENDING>CONFIRMED",
                "CONFIRMED>FAILED", "FAILED>REFUNDED");
        // Flash's reply and its withdrawal_initiated webhook race; either may record INITIALISED.
        assertThat(audit.get(1).get("event")).isIn("createWithdrawal", "withdrawal_initiated");
        assertThat(audit.subList(2, audit.size())).extracting(row -> row.get("event")).containsExactly(
                "withdrawal_pending", "withdrawal_completed", "withdrawal_failed", "withdrawal_refunded");
        assertThat(audit.subList(2, audit.size())).allSatisfy(row -> assertThat(row.get("request_id")).isNotNull());
    }

    @Test
    void answersARepeatedFileAsDuplicateWithoutPayingAgain() throws IOException {
        byte[] csv = (HEADER + id(1) + ",10.00,AUD,062000,12345678,Once Only,,,ONCE,,,\r\n").getBytes(StandardCharsets.UTF_8);
        erp.drop("outbox/payouts", "first-" + run + ".csv", csv);
        erp.awaitAck("first-" + run, PATIENCE);
        Integer instructionsBefore = jdbc.queryForObject("select count(*) from instruction", Integer.class);

        erp.drop("outbox/payouts", "second-" + run + ".csv", csv);

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck("second-" + run, PATIENCE));
        assertThat(ack).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("status", "DUPLICATE").containsEntry("payment_id", id(1));
            assertThat(row.get("reason")).contains("file already processed").contains("first-" + run + ".csv");
        });
        assertThat(jdbc.queryForObject("select count(*) from instruction", Integer.class)).isEqualTo(instructionsBefore);
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> erp.archived("outbox/payouts/failed", "second-" + run));
    }

    /** Waits until some status file of batch {@code name} shows {@code paymentId} in {@code expectedStatus}. */

    private String id(int n) {
        return "P-" + run + "-" + n;
    }
}
