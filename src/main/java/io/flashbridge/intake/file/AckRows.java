package io.flashbridge.intake.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.flashbridge.ledger.BatchLine;
import io.flashbridge.output.CsvText;

/**
 * The acknowledgement rows of one file, in line order, kept in a work file as they are decided: a
 * million-row file must not hold a million rows in the heap. Counts the outcomes on the way; at the
 * end {@link #writeAck} turns the rows into the ack CSV (another work file, streamed to the inbox).
 */
final class AckRows implements AutoCloseable {

    static final List<String> HEADER = List.of("line_number", "payment_id", "status", "reason");

    private final Path workFolder;
    private final Path file;
    private final DataOutputStream out;
    private final Map<String, Integer> counts = new HashMap<>();
    private int rows;
    private int firstRejectedLine;

    private AckRows(Path workFolder) throws IOException {
        this.workFolder = workFolder;
        Files.createDirectories(workFolder);
        this.file = Files.createTempFile(workFolder, "ack-rows-", ".bin");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    static AckRows in(Path workFolder) throws IOException {
        return new AckRows(workFolder);
    }

    /** Rows must come in line order. */
    void add(BatchLine line) {
        try {
            out.writeInt(line.lineNumber());
            writeText(line.paymentId());
            writeText(line.outcome());
            writeText(line.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        counts.merge(line.outcome(), 1, Integer::sum);
        if (firstRejectedLine == 0 && line.outcome().equals("REJECTED")) {
            firstRejectedLine = line.lineNumber();
        }
    }

    void addAll(List<BatchLine> lines) {
        lines.forEach(this::add);
    }

    int rows() {
        return rows;
    }

    int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The first REJECTED row's line number, 0 when none. */
    int firstRejectedLine() {
        return firstRejectedLine;
    }

    /** Reads the rows back in order. */
    void forEach(Consumer<BatchLine> action) {
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                for (int read = 0; read < rows; read++) {
                    action.accept(new BatchLine(in.readInt(), readText(in), readText(in), readText(in)));
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("the ack work file " + file + " ended early", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole file is refused: every row becomes REJECTED with {@code reason} (rows rejected on
     * their own keep theirs), and the line of the problem gets a row too. When no other row exists
     * (a bad header), each of the file's {@code fileLines} gets one.
     */
    AckRows rejectedAll(String reason, int lineOfProblem, int fileLines) throws IOException {
        AckRows rejected = new AckRows(workFolder);
        boolean[] problemListed = {false};
        boolean alone = rows == 0;
        forEach(line -> {
            if (!problemListed[0] && line.lineNumber() > lineOfProblem) {
                rejected.add(new BatchLine(lineOfProblem, null, "REJECTED", reason));
                problemListed[0] = true;
            }
            problemListed[0] |= line.lineNumber() == lineOfProblem;
            rejected.add(line.outcome().equals("REJECTED") ? line : new BatchLine(line.lineNumber(), line.paymentId(), "REJECTED", reason));
        });
        if (!problemListed[0]) {
            rejected.add(new BatchLine(lineOfProblem, null, "REJECTED", reason));
        }
        if (alone || (rows == 1 && problemListed[0])) {
            return rejected.everyLine(reason, Math.max(fileLines, lineOfProblem));
        }
        return rejected;
    }

    /** This (one row) and a REJECTED row for each other line up to {@code lastLine}. */
    private AckRows everyLine(String reason, int lastLine) throws IOException {
        BatchLine[] only = new BatchLine[1];
        forEach(line -> only[0] = line);
        AckRows all = new AckRows(workFolder);
        for (int line = 1; line <= lastLine; line++) {
            all.add(line == only[0].lineNumber() ? only[0] : new BatchLine(line, null, "REJECTED", reason));
        }
        close();
        return all;
    }

    /** Writes the ack CSV (header, then one line per row) to a new work file and answers it. */
    Path writeAck() throws IOException {
        Path ack = Files.createTempFile(workFolder, "ack-", ".csv");
        try (Writer csv = new BufferedWriter(Files.newBufferedWriter(ack, StandardCharsets.UTF_8), 64 * 1024)) {
            csv.write(CsvText.line(HEADER));
            forEach(line -> {
                try {
                    csv.write(CsvText.line(List.of(line.lineNumber(), nullToEmpty(line.paymentId()), line.outcome(),
                            nullToEmpty(line.reason()))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return ack;
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    /** Length-prefixed UTF-8 (-1 for null): a reason may be longer than writeUTF's 64 KB. */
    private void writeText(String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
