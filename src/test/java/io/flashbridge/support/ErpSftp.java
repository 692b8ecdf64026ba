package io.flashbridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.awaitility.Awaitility;

/** The ERP's side of the SFTP server, with a real SFTP client: drop files in the outbox, read the inbox. */
public final class ErpSftp implements AutoCloseable {

    private final SshClient client = SshClient.setUpDefaultClient();
    private final ClientSession session;
    private final SftpClient sftp;

    /** The embedded server's ERP user. */
    public ErpSftp(int port) throws IOException {
        this(port, "erp", "erp");
    }

    public ErpSftp(int port, String username, String password) throws IOException {
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        session = client.connect(username, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(Duration.ofSeconds(10));
        sftp = SftpClientFactory.instance().createSftpClient(session);
    }

    /** Uploads as an ERP should: under a temporary name, renamed when complete. */
    public void drop(String folder, String name, byte[] content) throws IOException {
        String temporary = folder + "/" + name + ".part";
        try (OutputStream out = sftp.write(temporary)) {
            out.write(content);
        }
        sftp.rename(temporary, folder + "/" + name);
    }

    /**
     * Uploads straight under the final name, in {@code pieces} writes {@code pause} apart, as an ERP on a
     * slow link might: the file is visible, and growing, long before it is complete.
     */
    public void dropSlowly(String folder, String name, byte[] content, int pieces, Duration pause) throws IOException, InterruptedException {
        int piece = (content.length + pieces - 1) / pieces;
        try (OutputStream out = sftp.write(folder + "/" + name)) {
            for (int from = 0; from < content.length; from += piece) {
                out.write(content, from, Math.min(piece, content.length - from));
                out.flush();
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** Opens {@code path} for writing, as an upload in progress until the stream is closed. */
    public OutputStream openForWriting(String path) throws IOException {
        return sftp.write(path);
    }

    /** Writes {@code path} as it is, under that name (e.g. a hidden temporary file of the bridge's own), dated {@code modified}. */
    public void put(String path, byte[] content, Instant modified) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write(content);
        }
        SftpClient.Attributes times = new SftpClient.Attributes();
        times.modifyTime(FileTime.from(modified));
        times.accessTime(FileTime.from(modified));
        sftp.setStat(path, times);
    }

    /** The folder's visible files; retried when the bridge renames a file while the listing runs. */
    public List<String> list(String folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return StreamSupport.stream(sftp.readDir(folder).spliterator(), false)
                        .map(SftpClient.DirEntry::getFilename)
                        .filter(name -> !name.startsWith("."))
                        .toList();
            } catch (java.io.UncheckedIOException renamedMeanwhile) {
                if (attempt == 5) {
                    throw renamedMeanwhile.getCause();
                }
            }
        }
    }

    /** Whether upload {@code stem} (its name without extension) is archived in {@code folder}, as {@code stem.<batch>.csv}. */
    public boolean archived(String folder, String stem) throws IOException {
        return list(folder).stream().anyMatch(name -> name.startsWith(stem + ".") && name.length() > stem.length() + 1);
    }

    public void mkdir(String path) throws IOException {
        sftp.mkdir(path);
    }

    public void rmdir(String path) throws IOException {
        sftp.rmdir(path);
    }

    public String read(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public boolean exists(String path) {
        try {
            sftp.stat(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the acknowledgement of upload {@code stem}.csv/.aba ({@code stem.ack-<batch>.csv}) and answers its text. */
    public String awaitAck(String stem, Duration atMost) {
        return awaitMatching(ackName(stem), atMost);
    }

    /** The name of upload {@code stem}'s ack file, as a regular expression. */
    public static String ackName(String stem) {
        return Pattern.quote(stem) + "\\.ack-[0-9a-f]{12}(-[0-9]{17})?\\.csv";
    }

    /** Waits for the final status file of upload {@code stem} ({@code stem.status-<batch>.csv}) and answers its text. */
    public String awaitFinalStatus(String stem, Duration atMost) {
        return awaitMatching(finalStatusName(stem), atMost);
    }

    public boolean finalStatusExists(String stem) throws IOException {
        return list("inbox").stream().anyMatch(name -> name.matches(finalStatusName(stem)));
    }

    /** The name of upload {@code stem}'s final status file, as a regular expression. */
    public static String finalStatusName(String stem) {
        return Pattern.quote(stem) + "\\.status-[0-9a-f]{12}\\.csv";
    }

    /** Waits until a status file of upload {@code stem} (final, interim or correction) shows {@code paymentId} in {@code status}; answers that row. */
    public Map<String, String> awaitStatusRow(String stem, String paymentId, String status, Duration atMost) {
        Map<String, String>[] found = new Map[1];
        Awaitility.await().atMost(atMost).ignoreExceptions().until(() -> {
            for (String file : list("inbox")) {
                if (file.startsWith(stem + ".status")) {
                    Map<String, String> row = CsvLines.byPaymentId(read("inbox/" + file)).get(paymentId);
                    if (row != null && status.equals(row.get("status"))) {
                        found[0] = row;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits for a file in the inbox whose name matches {@code regex} and answers its text. */
    public String awaitMatching(String regex, Duration atMost) {
        try {
            return read("inbox/" + awaitName(regex, atMost, Duration.ofMillis(200)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, listing the inbox every {@code pollInterval}, for a file whose name matches {@code regex}; answers the name. */
    public String awaitName(String regex, Duration atMost, Duration pollInterval) {
        String[] found = new String[1];
        Awaitility.await().atMost(atMost).pollInterval(pollInterval).ignoreExceptions().until(() -> {
            found[0] = list("inbox").stream().filter(name -> name.matches(regex)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for a file to appear and answers its text. */
    public String await(String path, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> exists(path));
        try {
            return read(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        sftp.close();
        session.close();
        client.stop();
    }
}
