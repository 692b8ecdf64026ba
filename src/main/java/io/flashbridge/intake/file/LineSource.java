package io.flashbridge.intake.file;

import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of a text, one at a time, numbered from 1; LF, CR LF or a final line without a
 * break. A line longer than the limit is not kept: it is skipped to its end and reported with its
 * length only, so a 10 MB line costs no more memory than a short one.
 */
final class LineSource {

    /** One physical line; {@code text} is null when the line was longer than the limit. */
    record Line(int number, String text, long length) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final StringBuilder buffer = new StringBuilder(256);
    private int number;
    private boolean ended;

    LineSource(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.setLength(0);
        long length = 0;
        int c;
        int previous = -1;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (length < maxLength + 1) {
                buffer.append((char) c);
            }
            length++;
            previous = c;
        }
        if (c < 0) {
            ended = true;
            if (length == 0) {
                return null;
            }
        }
        if (previous == '\r') {
            length--;
            if (length <= maxLength) {
                buffer.setLength((int) length);
            }
        }
        number++;
        return length > maxLength ? new Line(number, null, length) : new Line(number, buffer.toString(), length);
    }
}
