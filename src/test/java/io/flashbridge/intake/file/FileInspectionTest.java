package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one pass over an upload before parsing: encoding, lines and digest, across read-chunk boundaries. */
class FileInspectionTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAMultiByteCharacterCutByTheReadChunkBoundary() throws Exception {
        // 16,383 ASCII bytes then "é" (2 bytes) puts the character across the 16 KB chunk edge; more chunks follow
        String text = "a".repeat(16_383) + "\u00e9\n" + ("b".repeat(16_382) + "\u20ac\n").repeat(4);
        Path file = write(text.getBytes(StandardCharsets.UTF_8));

        FileInspection inspection = FileInspection.of(file);

        assertThat(inspection.encodingProblem()).isNull();
        assertThat(inspection.lines()).isEqualTo(5);
        assertThat(inspection.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void namesTheLineOfALatin1ByteInALaterChunk() throws Exception {
        byte[] start = ("x".repeat(99) + "\n").repeat(300).getBytes(StandardCharsets.US_ASCII);
        byte[] latin1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[start.length + latin1.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy(latin1, 0, bytes, start.length, latin1.length);

        FileInspection inspection = FileInspection.of(write(bytes));

        assertThat(inspection.encodingProblem()).startsWith("line 301: the file is not valid UTF-8 (byte 0xE9)");
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = dir.resolve("batch.csv");
        Files.write(file, bytes);
        return file;
    }
}
