package io.flashbridge.intake.file;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/** The local copy of an upload: the SFTP consumer downloads each file to its local work directory. */
final class LocalWorkFile {

    private LocalWorkFile() {}

    static Path of(Exchange exchange) {
        String localPath = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
        if (localPath != null) {
            return Path.of(localPath);
        }
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> generic && generic.getBody() instanceof File file) {
            return file.toPath();
        }
        if (body instanceof File file) {
            return file.toPath();
        }
        throw new IllegalStateException("the intake route must download files to a local work directory (localWorkDirectory)");
    }
}
