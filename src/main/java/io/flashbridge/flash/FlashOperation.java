package io.flashbridge.flash;

/**
 * Every Flash operation the bridge sends, each with its document under
 * {@code src/main/resources/graphql/}. Mutations answer with {@code success}/{@code code}/{@code message}.
 */
public enum FlashOperation {
    LOGIN("login", true),
    LOGOUT("logout", true),
    BALANCES("balances", false),
    STATEMENT("statement", true),
    CREATE_WITHDRAWAL("createWithdrawal", true),
    WITHDRAWAL("withdrawal", false),
    WITHDRAWALS("withdrawals", false),
    CREATE_SENDER("createSender", true),
    UPDATE_SENDER("updateSender", true),
    SENDER("sender", false),
    SENDERS("senders", false),
    CREATE_RECIPIENT("createRecipient", true),
    UPDATE_RECIPIENT("updateRecipient", true),
    RECIPIENT("recipient", false),
    RECIPIENTS("recipients", false),
    CREATE_PAYMENT("createPayment", true),
    PAYMENT("payment", false),
    PAYMENTS("payments", false),
    DEPOSIT("deposit", false),
    DEPOSITS("deposits", false),
    REFUND_DEPOSIT("refundDeposit", true);

    private final String field;
    private final boolean hasReplyEnvelope;

    FlashOperation(String field, boolean hasReplyEnvelope) {
        this.field = field;
        this.hasReplyEnvelope = hasReplyEnvelope;
    }

    /** The root field of the operation, which is also the key of its answer under {@code data}. */
    public String field() {
        return field;
    }

    public boolean hasReplyEnvelope() {
        return hasReplyEnvelope;
    }

    String document() {
        return "graphql/" + field + ".graphql";
    }
}
