package io.flashbridge.instruction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a payout goes: an Australian BSB + account, or a PayID. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Payee.BankAccount.class, name = "BSB"),
        @JsonSubTypes.Type(value = Payee.PayId.class, name = "PAYID")})
public sealed interface Payee {

    /** The account holder's name as the payer's ERP has it. */
    String accountName();

    record BankAccount(String bsb, String accountNumber, String accountName) implements Payee {
        /** {@code ****5678}: what logs may show of the account. */
        @JsonIgnore
        public String masked() {
            return Masking.account(accountNumber);
        }
    }

    record PayId(String payId, String payIdType, String accountName) implements Payee {}
}
