package io.flashbridge.intake.file;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
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
 * Otherwise (an external server, or a file the server did not see written) the file is read once
 * its size and time are the same at two looks {@code flashbridge.intake.unchanged-for} apart — not
 * by its age, since SFTP gives times in whole seconds and a file still growing could look old enough.
 */
@Component("completeUploads")
@SuppressWarnings({"rawtypes", "unchecked"})
public class CompleteUploads implements GenericFileExclusiveReadLockStrategy {

    /** Camel's default for FTP and SFTP read locks: a file changing for longer is skipped until the next poll. */
    private static final long TIMEOUT_MILLIS = 20_000;

    private final SftpChangedExclusiveReadLockStrategy unchanged = new SftpChangedExclusiveReadLockStrategy();
    private final ObjectProvider<EmbeddedSftpServer> embeddedServer;

    CompleteUploads(IntakeProperties properties, ObjectProvider<EmbeddedSftpServer> embeddedServer) {
        this.embeddedServer = embeddedServer;
        unchanged.setCheckInterval(properties.unchangedFor().toMillis());
        unchanged.setTimeout(TIMEOUT_MILLIS);
        // An empty file that stays empty is answered ("the file is empty") instead of waiting for data.
        unchanged.setMinLength(0);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations operations, GenericFile file, Exchange exchange)
            throws Exception {
        Uploads uploads = uploadsSeenFrom(exchange.getFromEndpoint());
        Uploads.State state = uploads == null ? Uploads.State.UNKNOWN
                : uploads.state(file.getAbsoluteFilePath(), file.getFileLength());
        return switch (state) {
            case WRITING -> false;
            case COMPLETE -> true;
            case UNKNOWN -> unchanged.acquireExclusiveReadLock(operations, file, exchange);
        };
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations operations, GenericFile file, Exchange exchange)
            throws Exception {
        forget(file, exchange);
        unchanged.releaseExclusiveReadLockOnCommit(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations operations, GenericFile file, Exchange exchange)
            throws Exception {
        unchanged.releaseExclusiveReadLockOnRollback(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations operations, GenericFile file, Exchange exchange)
            throws Exception {
        unchanged.releaseExclusiveReadLockOnAbort(operations, file, exchange);
    }

    @Override
    public void prepareOnStartup(GenericFileOperations operations, GenericFileEndpoint endpoint) throws Exception {
        unchanged.prepareOnStartup(operations, endpoint);
    }

    @Override
    public void setTimeout(long timeout) {
        unchanged.setTimeout(timeout);
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        unchanged.setCheckInterval(checkInterval);
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel level) {
        unchanged.setReadLockLoggingLevel(level);
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        unchanged.setMarkerFiler(markerFile);
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        unchanged.setDeleteOrphanLockFiles(deleteOrphanLockFiles);
    }

    private void forget(GenericFile file, Exchange exchange) {
        Uploads uploads = uploadsSeenFrom(exchange.getFromEndpoint());
        if (uploads != null) {
            uploads.forget(file.getAbsoluteFilePath());
        }
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
