package io.flashbridge.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds ABA (Cemtex) files record by record, with correct totals unless told otherwise. */
public final class AbaFile {

    private final List<String> records = new ArrayList<>();
    private long credits;
    private long debits;
    private int count;
    private String lineEnd = "\r\n";
    private boolean finalLineEnd = true;

    /** A descriptive record; {@code variant} puts the funding BSB/account in 2-18 and a time in 81-84, as some banks do. */
    public AbaFile batch(String userName, String description, boolean variant) {
        credits = 0;
        debits = 0;
        count = 0;
        String funding = variant ? "062-000 12345678 " : "";
        String time = variant ? "1430" : "";
        records.add(pad("0" + pad(funding, 17) + "01CBA" + pad("", 7) + pad(userName, 26) + "301500" + pad(description, 12)
                + "261126" + time));
        return this;
    }

    public AbaFile credit(String bsb, String account, long cents, String title, String reference, String remitter) {
        credits += cents;
        return detail(bsb, account, "50", cents, title, reference, remitter);
    }

    public AbaFile debit(String bsb, String account, long cents, String title, String reference, String remitter) {
        debits += cents;
        return detail(bsb, account, "13", cents, title, reference, remitter);
    }

    public AbaFile total() {
        return total(credits, debits, count);
    }

    /** A total record with the given figures, right or wrong. */
    public AbaFile total(long creditTotal, long debitTotal, int records) {
        this.records.add(pad("7999-999" + pad("", 12) + cents(Math.abs(creditTotal - debitTotal)) + cents(creditTotal)
                + cents(debitTotal) + pad("", 24) + String.format("%06d", records)));
        return this;
    }

    public AbaFile lineEndings(String lineEnd, boolean finalLineEnd) {
        this.lineEnd = lineEnd;
        this.finalLineEnd = finalLineEnd;
        return this;
    }

    public byte[] bytes() {
        String text = String.join(lineEnd, records) + (finalLineEnd ? lineEnd : "");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private AbaFile detail(String bsb, String account, String code, long cents, String title, String reference, String remitter) {
        count++;
        records.add(pad("1" + bsb + String.format("%9s", account) + " " + code + cents(cents) + pad(title, 32)
                + pad(reference, 18) + "062-000" + String.format("%9s", "12345678") + pad(remitter, 16) + "00000000"));
        return this;
    }

    private static String cents(long cents) {
        return String.format("%010d", cents);
    }

    private static String pad(String text, int length) {
        return String.format("%-" + length + "s", text).substring(0, length);
    }

    private static String pad(String record) {
        return pad(record, 120);
    }
}
