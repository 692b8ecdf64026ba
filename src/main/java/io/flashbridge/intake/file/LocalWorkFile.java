package io.flashbridge.intake.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * The local copy of an upload. The SFTP consumer streams each file (never whole in memory); it is
 * copied here under a generated name (an upload's own name may be too long to carry a suffix) in
 * the work folder, read from there, and deleted once its intake is over.
 */
final class LocalWorkFile implements AutoCloseable {

    private final Path path;

    private LocalWorkFile(Path path) {
        this.path = path;
    }

    static LocalWorkFile of(Exchange exchange, Path workFolder) throws IOException {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> generic) {
            body = generic.getBody();
        }
        Files.createDirectories(workFolder);
        Path copy = Files.createTempFile(workFolder, "upload-", ".part");
        if (body instanceof InputStream stream) {
            try (InputStream in = stream) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            Files.write(copy, exchange.getIn().getBody(byte[].class));
        }
        return new LocalWorkFile(copy);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
