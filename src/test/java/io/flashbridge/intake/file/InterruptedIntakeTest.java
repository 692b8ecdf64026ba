package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.BridgeTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stop between recording a file and queueing its payouts: reading the file again resumes it
 * (same ack, its payouts offered to the queue again) instead of answering it as a duplicate.
 */
@BridgeTest
class InterruptedIntakeTest extends BridgeTestSupport {

    @Autowired
    PayoutFileIntake intake;

    @Test
    void resumesAFileWhoseIntakeWasInterruptedAndCallsItDuplicateOnceCompleted() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        byte[] csv = (PayoutFilesEndToEndTest.HEADER
                + "R-" + run + "-1,10.00,AUD,062000,12345678,Ann Lee,,,REF,,,\r\n"
                + "R-" + run + "-2,10.00,AUD,0620,12345678,Bad Bsb,,,REF,,,\r\n").getBytes(StandardCharsets.UTF_8);
        String name = "interrupted-" + run + ".csv";
        Path file = Files.write(Files.createTempFile("interrupted", ".csv"), csv);

        PayoutFileIntake.Outcome first = intake.receive(name, file);
        PayoutFileIntake.Outcome resumed = intake.receive(name, file);

        assertThat(Files.readString(resumed.ack().toPath())).isEqualTo(Files.readString(first.ack().toPath()));
        assertThat(resumed.batchId()).isEqualTo(first.batchId());
        assertThat(resumed.accepted()).isEqualTo(first.accepted()).isEqualTo(1);
        assertThat(resumed.archive()).as("archived next to its ack, under the batch id")
                .isEqualTo("done/interrupted-" + run + "." + first.batchId().substring(0, 12) + ".csv").isEqualTo(first.archive());

        intake.completed(first.batchId());
        PayoutFileIntake.Outcome again = intake.receive(name, file);

        assertThat(again.batchId()).isNull();
        assertThat(Files.readString(again.ack().toPath())).contains("DUPLICATE").contains("file already processed");
    }
}
