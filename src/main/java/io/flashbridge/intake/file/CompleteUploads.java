package io.flashbridge.intake.file;

import com.jcraft.jsch.ChannelSftp;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.flashbridge.embedded.EmbeddedSftpServer;
import io.flashbridge.embedded.Uploads;

/**
 * The intake routes' read lock ({@code exclusiveReadLockStrategy: "#completeUploads"}): an upload is
 * read once it is complete. When the route reads the embedded SFTP server, the server knows: a file
 * a client still has open for writing waits, one it closed (or renamed into place) is read at once.
 * Otherwise (an external server, or a file the server did not see written) Camel's SFTP "changed"
 * lock decides: the file is read once its size and time are the same at two looks
 * {@code flashbridge.intake.unchanged-for} apart — not by its age, since SFTP gives times in whole
 * seconds and a file still growing could look old enough.
 */
@Component("completeUploads")
public class CompleteUploads extends SftpChangedExclusiveReadLockStrategy {

    /** Camel's default for FTP and SFTP read locks: a file changing for longer is skipped until the next poll. */
    private static final long TIMEOUT_MILLIS = 20_000;

    private final ObjectProvider<EmbeddedSftpServer> embeddedServer;

    CompleteUploads(IntakeProperties properties, ObjectProvider<EmbeddedSftpServer> embeddedServer) {
        this.embeddedServer = embeddedServer;
        setCheckInterval(properties.unchangedFor().toMillis());
        setTimeout(TIMEOUT_MILLIS);
        // An empty file that stays empty is answered ("the file is empty") instead of waiting for data.
        setMinLength(0);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<ChannelSftp.LsEntry> operations,
                                            GenericFile<ChannelSftp.LsEntry> file, Exchange exchange) throws Exception {
        Uploads uploads = uploadsSeenFrom(exchange.getFromEndpoint());
        Uploads.State state = uploads == null ? Uploads.State.UNKNOWN
                : uploads.state(file.getAbsoluteFilePath(), file.getFileLength());
        return switch (state) {
            case WRITING -> false;
            case COMPLETE -> true;
            case UNKNOWN -> super.acquireExclusiveReadLock(operations, file, exchange);
        };
    }

    /** The upload was read: a later one under the same name starts over. */
    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<ChannelSftp.LsEntry> operations,
                                                 GenericFile<ChannelSftp.LsEntry> file, Exchange exchange) throws Exception {
        Uploads uploads = uploadsSeenFrom(exchange.getFromEndpoint());
        if (uploads != null) {
            uploads.forget(file.getAbsoluteFilePath());
        }
        super.releaseExclusiveReadLockOnCommit(operations, file, exchange);
    }

    private Uploads uploadsSeenFrom(Endpoint endpoint) {
        EmbeddedSftpServer server = embeddedServer.getIfAvailable();
        if (server != null && endpoint instanceof SftpEndpoint sftp
                && server.serves(sftp.getConfiguration().getHost(), sftp.getConfiguration().getPort())) {
            return server.uploads();
        }
        return null;
    }
}
