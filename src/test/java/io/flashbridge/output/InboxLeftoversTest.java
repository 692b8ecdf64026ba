package io.flashbridge.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpTestSupport;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hidden temporary files a stop left in the ERP's inbox go once old; nothing else there is touched. */
@BridgeTest
class InboxLeftoversTest extends ErpTestSupport {

    @Autowired
    ProducerTemplate camel;

    @Test
    void removesOnlyTheBridgesOwnTemporaryFilesUntouchedForOverAnHour() throws IOException {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        String leftByAKill = InboxLeftovers.PREFIX + "payouts-" + run + ".status-0123456789ab-20261128010203.csv";
        String beingWritten = InboxLeftovers.PREFIX + "payouts-" + run + ".ack-0123456789ab.csv";
        String erpsHiddenFile = ".erp-" + run + ".csv";
        String oldReport = "deposits-" + run + ".csv";
        erp.put("inbox/" + leftByAKill, bytes("line_number,payment_id,st"), twoHoursAgo);
        erp.put("inbox/" + beingWritten, bytes("line_number,payment_id,status,reason\r\n"), Instant.now());
        erp.put("inbox/" + erpsHiddenFile, bytes("the ERP's"), twoHoursAgo);
        erp.put("inbox/" + oldReport, bytes("a report"), twoHoursAgo);

        Integer removed = camel.requestBody("direct:erp-inbox-leftovers", null, Integer.class);

        assertThat(erp.exists("inbox/" + leftByAKill)).isFalse();
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(erp.exists("inbox/" + beingWritten)).isTrue();
        assertThat(erp.exists("inbox/" + erpsHiddenFile)).isTrue();
        assertThat(erp.exists("inbox/" + oldReport)).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
