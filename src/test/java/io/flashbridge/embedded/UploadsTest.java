package io.flashbridge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flashbridge.embedded.Uploads.State;
import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.ErpSftp;
import io.flashbridge.support.ErpTestSupport;

/** The embedded SFTP server tells an upload in progress from a finished one, as its client did it. */
@BridgeTest
class UploadsTest extends ErpTestSupport {

    private static final byte[] CONTENT = "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);

    private String folder;

    @BeforeEach
    void ownFolder() throws Exception {
        // Outside the outbox: no route reads it.
        folder = "uploads-" + run;
        erp.mkdir(folder);
    }

    @Test
    void seesAFileOpenForWritingAsInProgressUntilItsUploaderClosesIt() throws Exception {
        String path = folder + "/batch.csv";
        try (OutputStream upload = erp.openForWriting(path)) {
            upload.write(CONTENT);
            upload.flush();

            assertThat(uploads().state(path, CONTENT.length)).isEqualTo(State.WRITING);
            assertThat(uploads().state("/" + path, CONTENT.length)).as("named from the root").isEqualTo(State.WRITING);
        }

        assertThat(uploads().state(path, CONTENT.length)).isEqualTo(State.COMPLETE);
        assertThat(uploads().state(path, CONTENT.length + 1)).as("grown since: not what was closed")
                .isEqualTo(State.UNKNOWN);
    }

    @Test
    void carriesACompleteUploadToTheNameItIsRenamedTo() throws Exception {
        erp.drop(folder, "batch.csv", CONTENT);

        assertThat(uploads().state(folder + "/batch.csv", CONTENT.length)).isEqualTo(State.COMPLETE);
        assertThat(uploads().state(folder + "/batch.csv.part", CONTENT.length)).isEqualTo(State.UNKNOWN);
    }

    @Test
    void forgetsAnUploadOnceRead() throws Exception {
        erp.drop(folder, "batch.csv", CONTENT);

        uploads().forget(folder + "/batch.csv");

        assertThat(uploads().state(folder + "/batch.csv", CONTENT.length)).isEqualTo(State.UNKNOWN);
    }

    @Test
    void neverCallsAnUploadCompleteWhoseSessionEndedWithTheFileOpen() throws Exception {
        String path = folder + "/cut-off.csv";
        ErpSftp cutOff = new ErpSftp(sftpServer.port());
        OutputStream upload = cutOff.openForWriting(path);
        upload.write(CONTENT);
        upload.flush();
        assertThat(uploads().state(path, CONTENT.length)).isEqualTo(State.WRITING);

        cutOff.close();

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> uploads().state(path, CONTENT.length) == State.UNKNOWN);
    }

    private Uploads uploads() {
        return sftpServer.uploads();
    }
}
