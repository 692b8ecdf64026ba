package io.flashbridge.intake.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.flashbridge.instruction.Sha256;

/**
 * How many times each ABA detail has appeared so far in a file, kept small: a 64-bit fingerprint
 * of each detail in an open-addressed table (a million details in 16 – 32 MB; the details
 * themselves as strings would not fit a 256 MB heap), and a count only for details that repeat.
 * Two different details sharing a fingerprint would only number the second one 2 instead of 1, which
 * still gives it an id of its own, and the same file always numbers them the same way.
 */
final class Occurrences {

    private long[] slots = new long[1 << 12];
    private int size;
    private final Map<Long, Integer> repeats = new HashMap<>();

    /** Counts {@code identity} once more; answers how many times it has now been seen (1 the first time). */
    int count(String identity) {
        long fingerprint = ByteBuffer.wrap(Sha256.digest().digest(identity.getBytes(StandardCharsets.UTF_8))).getLong();
        long key = fingerprint == 0 ? 1 : fingerprint;
        if (add(key)) {
            return 1;
        }
        return repeats.merge(key, 2, (seen, one) -> seen + 1);
    }

    /** Answers false when {@code key} was there already. */
    private boolean add(long key) {
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = key;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long key : old) {
            if (key != 0) {
                add(key);
            }
        }
    }
}
