package io.flashbridge.ledger;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into consecutive pieces of at most {@value #SIZE}: the ids one {@code in (...)} list or one JDBC batch takes here. */
final class Slices {

    static final int SIZE = 1000;

    private Slices() {}

    /** Views of {@code list}, in order, each at most {@value #SIZE} long; none for an empty list. */
    static <T> List<List<T>> of(List<T> list) {
        List<List<T>> slices = new ArrayList<>((list.size() + SIZE - 1) / SIZE);
        for (int from = 0; from < list.size(); from += SIZE) {
            slices.add(list.subList(from, Math.min(list.size(), from + SIZE)));
        }
        return slices;
    }
}
