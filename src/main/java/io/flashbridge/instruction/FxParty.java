package io.flashbridge.instruction;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A sender or recipient of an FX payment as the back office knows it: its own id (Flash
 * {@code externalId}), name, e-mail, one-line street address and country; a recipient also has its
 * account. The name is split like payout names ({@link PartyNames}).
 *
 * @param accountType Flash {@code AccountIdType}; null for a sender
 * @param account the IBAN, CLABE or account number, as {@code accountType} says
 * @param bankCode routing number, sort code, IFSC or CNAPS code; null where the type has none
 * @param currency the currency the account receives; null for a sender
 */
public record FxParty(String externalId, String name, String email, String street, String country, String accountType,
                      String account, String bankCode, String bic, String currency) {

    /** Flash's {@code SenderInput} for this party. */
    public Map<String, Object> toSenderInput() {
        return common();
    }

    /** Flash's {@code RecipientInput} for this party. */
    public Map<String, Object> toRecipientInput() {
        Map<String, Object> input = common();
        input.put("accountIdType", accountType);
        input.put("currency", currency);
        input.put(switch (accountType) {
            case "IBAN" -> "iban";
            case "CLABE" -> "clabe";
            default -> "accountNo";
        }, account);
        if (bankCode != null) {
            input.put(switch (accountType) {
                case "ABA" -> "aba";
                case "IFSC" -> "ifsc";
                case "CNAPS" -> "cnaps";
                default -> "sortCode";
            }, bankCode);
        }
        if (bic != null) {
            input.put("bic", bic);
        }
        return input;
    }

    /** What logs may show of the account: its type and last four characters. */
    @JsonIgnore
    public String maskedAccount() {
        return accountType + " " + Masking.account(account);
    }

    private Map<String, Object> common() {
        Map<String, Object> input = new LinkedHashMap<>(PartyNames.toFlash(name));
        if (email != null) {
            input.put("email", email);
        }
        Map<String, Object> address = new LinkedHashMap<>();
        if (street != null) {
            address.put("street", street);
        }
        address.put("country", country);
        input.put("address", address);
        input.put("externalId", externalId);
        return input;
    }
}
