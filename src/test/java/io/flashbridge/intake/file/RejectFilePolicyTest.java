package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With the REJECT_FILE policy, one bad row rejects the whole file and nothing reaches the ledger or Flash. */
@BridgeTest
@TestPropertySource(properties = "flashbridge.intake.policy=REJECT_FILE")
class RejectFilePolicyTest extends ErpTestSupport {

    @Test
    void rejectsEveryRowWhenOneIsBad() throws IOException {
        String name = "strict-" + run;
        String csv = PayoutFilesEndToEndTest.HEADER
                + "S-" + run + "-1,10.00,AUD,062000,12345678,Good Row,,,OK,,,\r\n"
                + "S-" + run + "-2,10.00,AUD,0620,12345678,Bad Bsb,,,BAD,,,\r\n";
        Integer before = jdbc.queryForObject("select count(*) from instruction", Integer.class);

        erp.drop("outbox/payouts", name + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> ack = CsvLines.parse(erp.awaitAck(name, PayoutFilesEndToEndTest.PATIENCE));
        assertThat(ack).extracting(row -> row.get("status")).containsExactly("REJECTED", "REJECTED");
        assertThat(ack.get(0).get("reason")).isEqualTo("file rejected: line 3 has errors and the policy rejects whole files");
        assertThat(ack.get(1).get("reason")).startsWith("line 3: bsb:");
        assertThat(jdbc.queryForObject("select count(*) from instruction", Integer.class)).isEqualTo(before);
        Awaitility.await().atMost(PayoutFilesEndToEndTest.PATIENCE).ignoreExceptions()
                .until(() -> erp.archived("outbox/payouts/failed", name));
    }
}
