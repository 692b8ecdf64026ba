package io.flashbridge.output;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes the temporary files a stop left in the ERP's inbox. Every file is written there under
 * {@value #PREFIX}{@code <name>} and renamed when complete; a kill between the two leaves the
 * hidden file behind, and a stamped name (interim status, correction, changes file, duplicate ack)
 * never comes again to replace it. Camel's file consumer skips names starting with a dot, so the
 * folder is listed through the inbox writer's own SFTP endpoint (same server, login and host-key
 * checking). Only files untouched for longer than the age asked are removed: no write takes that
 * long, and the SFTP server's clock may differ from ours.
 */
@Component
public class InboxLeftovers {

    /** The inbox writer's {@code tempPrefix} (routes/erp-inbox.camel.yaml). */
    public static final String PREFIX = ".writing-";
    private static final String INBOX = "inbox";
    private static final Logger log = LoggerFactory.getLogger(InboxLeftovers.class);

    private final CamelContext camel;
    private final Clock clock = Clock.systemUTC();

    InboxLeftovers(CamelContext camel) {
        this.camel = camel;
    }

    /** Removes the inbox's temporary files older than {@code ageMillis}; answers how many went. */
    public int removeOlderThan(Exchange exchange, long ageMillis) {
        SftpEndpoint inbox = inboxEndpoint();
        if (inbox == null) {
            return 0;
        }
        SftpOperations sftp = (SftpOperations) inbox.createRemoteFileOperations();
        long cutoff = clock.millis() - ageMillis;
        int removed = 0;
        try {
            sftp.connect(inbox.getConfiguration(), exchange);
            for (SftpRemoteFile<?> file : sftp.listFiles(INBOX)) {
                if (!file.isDirectory() && file.getFilename().startsWith(PREFIX) && file.getLastModified() < cutoff
                        && sftp.deleteFile(INBOX + "/" + file.getFilename())) {
                    removed++;
                }
            }
        } catch (GenericFileOperationFailedException e) {
            log.warn("Could not look for temporary files left in the ERP's inbox: {}; tried again at the next check", e.getMessage());
        } finally {
            disconnect(sftp);
        }
        if (removed > 0) {
            log.info("Removed {} temporary file(s) a stop left in the ERP's inbox (untouched for over {})", removed,
                    Duration.ofMillis(ageMillis));
        }
        return removed;
    }

    private static void disconnect(SftpOperations sftp) {
        try {
            sftp.disconnect();
        } catch (GenericFileOperationFailedException e) {
            sftp.forceDisconnect();
        }
    }

    /** The endpoint the inbox writer route writes through; null before that route has started. */
    private SftpEndpoint inboxEndpoint() {
        return camel.getEndpoints().stream()
                .filter(SftpEndpoint.class::isInstance).map(SftpEndpoint.class::cast)
                .filter(endpoint -> INBOX.equals(endpoint.getConfiguration().getDirectory()))
                .findFirst().orElse(null);
    }
}
