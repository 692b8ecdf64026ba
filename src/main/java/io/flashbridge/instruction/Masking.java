package io.flashbridge.instruction;

/** Account numbers in logs: only the last four characters, e.g. {@code ****6789}. */
public final class Masking {

    private Masking() {}

    public static String account(String accountNumber) {
        if (accountNumber == null || accountNumber.length() <= 4) {
            return "****";
        }
        return "****" + accountNumber.substring(accountNumber.length() - 4);
    }
}
