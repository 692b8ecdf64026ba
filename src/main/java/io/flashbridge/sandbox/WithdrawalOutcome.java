package io.flashbridge.sandbox;

import java.util.List;

/**
 * The UAT simulation keywords of flash-api.md 11.1, matched case-sensitively anywhere in
 * {@code externalReference}. When several are present the first in this order wins (gap 13).
 */
enum WithdrawalOutcome {
    FAIL_AML, HALT_AML, SEND_RFI, PUSH_AML, FAIL_ACC, STRAIGHT_THROUGH;

    private static final List<WithdrawalOutcome> KEYWORDS = List.of(FAIL_AML, HALT_AML, SEND_RFI, PUSH_AML, FAIL_ACC);

    static WithdrawalOutcome of(String externalReference) {
        if (externalReference == null) {
            return STRAIGHT_THROUGH;
        }
        return KEYWORDS.stream()
                .filter(keyword -> externalReference.contains(keyword.name()))
                .findFirst()
                .orElse(STRAIGHT_THROUGH);
    }
}
