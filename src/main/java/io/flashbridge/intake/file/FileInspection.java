package io.flashbridge.intake.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.flashbridge.instruction.Sha256;

/**
 * One streaming pass over an uploaded file before it is parsed: its SHA-256 (the batch id), its
 * number of lines, and whether it is UTF-8 (with or without BOM), which is the contract. A UTF-16
 * file, or bytes that are not UTF-8 (a Latin-1 export, binary data), make the file refused as a
 * whole with a reason that names the encoding and the first line where it goes wrong.
 */
record FileInspection(String sha256, long bytes, int lines, String encodingProblem) {

    private static final int CHUNK = 16 * 1024;

    static FileInspection of(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        // room for a chunk plus the up to 3 bytes of a character cut at the previous chunk's end
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK + 4);
        long total = 0;
        int lines = 0;
        int lastByte = -1;
        String problem = null;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                if (total == 0) {
                    problem = utf16(buffer, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                total += n;
                lastByte = buffer[n - 1];
                if (problem == null) {
                    bytes.put(buffer, 0, n).flip();
                    problem = decode(utf8, bytes, chars, lines, false);
                    bytes.compact();
                }
            }
        }
        if (problem == null) {
            bytes.flip();
            problem = decode(utf8, bytes, chars, lines, true);
        }
        if (total > 0 && lastByte != '\n') {
            lines++;
        }
        return new FileInspection(HexFormat.of().formatHex(digest.digest()), total, lines, problem);
    }

    private static String utf16(byte[] start, int n) {
        if (n >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE) || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
            return "line 1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
        }
        int zeros = 0;
        for (int i = 0; i < Math.min(n, 512); i++) {
            if (start[i] == 0) {
                zeros++;
            }
        }
        return zeros * 4 > Math.min(n, 512) ? "line 1: the file looks like UTF-16 (every other byte is zero); save it as UTF-8" : null;
    }

    /** Decodes what {@code bytes} holds; answers the first problem, or null. {@code linesBefore} counts the line breaks read so far. */
    private static String decode(CharsetDecoder utf8, ByteBuffer bytes, CharBuffer chars, int linesBefore, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = utf8.decode(bytes, chars, end);
            if (result.isError()) {
                int line = lineOf(bytes, bytes.position(), linesBefore);
                return String.format("line %d: the file is not valid UTF-8 (byte 0x%02X); it may be Latin-1 or Windows-1252: "
                        + "save it as UTF-8", line, bytes.get(bytes.position()) & 0xFF);
            }
            if (result.isUnderflow()) {
                return null;
            }
        }
    }

    /**
     * The line of the bad byte at {@code badAt}: lines were counted over the whole chunk read, so
     * count back the line breaks that lie after the bad byte.
     */
    private static int lineOf(ByteBuffer bytes, int badAt, int linesAfterChunk) {
        int after = 0;
        for (int i = badAt; i < bytes.limit(); i++) {
            if (bytes.get(i) == '\n') {
                after++;
            }
        }
        return linesAfterChunk - after + 1;
    }
}
