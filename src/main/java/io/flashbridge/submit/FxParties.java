package io.flashbridge.submit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.flashbridge.flash.FlashClient;
import io.flashbridge.flash.FlashOperation;
import io.flashbridge.instruction.FxParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flash's address book of senders and recipients, keyed by the back office's party id (Flash
 * {@code externalId}): a party is looked up by that id and reused when Flash holds the same
 * details, updated when they changed, and created when Flash has none. A recipient whose account
 * type changed is created anew (Flash cannot change it). Looking up first is what makes a crash
 * between {@code createRecipient} and the payment harmless: the next attempt finds the one created.
 * One party id is resolved by one thread at a time, and what was resolved is remembered, so a file
 * paying one recipient many times asks Flash once.
 */
@Component
class FxParties {

    private static final Logger log = LoggerFactory.getLogger(FxParties.class);

    private enum Book {
        SENDER(FlashOperation.SENDERS, FlashOperation.CREATE_SENDER, FlashOperation.UPDATE_SENDER, "sender"),
        RECIPIENT(FlashOperation.RECIPIENTS, FlashOperation.CREATE_RECIPIENT, FlashOperation.UPDATE_RECIPIENT, "recipient");

        final FlashOperation find;
        final FlashOperation create;
        final FlashOperation update;
        final String entity;

        Book(FlashOperation find, FlashOperation create, FlashOperation update, String entity) {
            this.find = find;
            this.create = create;
            this.update = update;
            this.entity = entity;
        }
    }

    /** A party Flash holds with exactly these details. */
    private record Known(String flashId, Map<String, Object> details) {}

    private final FlashClient flash;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    FxParties(FlashClient flash) {
        this.flash = flash;
    }

    /** Flash's id of the sender with these details. */
    String senderId(FxParty sender) {
        return resolve(Book.SENDER, sender.externalId(), sender.toSenderInput());
    }

    /** Flash's id of the recipient with these details. */
    String recipientId(FxParty recipient) {
        return resolve(Book.RECIPIENT, recipient.externalId(), recipient.toRecipientInput());
    }

    private String resolve(Book book, String externalId, Map<String, Object> details) {
        String key = book + "\u0000" + externalId;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Known remembered = known.get(key);
            if (remembered != null && remembered.details().equals(details)) {
                return remembered.flashId();
            }
            String flashId = lookUpOrWrite(book, externalId, details);
            known.put(key, new Known(flashId, details));
            return flashId;
        }
    }

    private String lookUpOrWrite(Book book, String externalId, Map<String, Object> details) {
        JsonNode candidates = flash.call(book.find, Map.of("externalId", externalId));
        JsonNode reusable = null;
        for (JsonNode candidate : candidates) {
            if (Objects.equals(text(candidate.path("accountIdType")), details.get("accountIdType"))) {
                reusable = candidate;
            }
        }
        if (reusable != null && sameDetails(details, reusable)) {
            return reusable.path("id").asText();
        }
        if (reusable != null) {
            String id = reusable.path("id").asText();
            flash.update(book.update, id, details);
            log.info("Flash {} {} ({}) updated: its details changed", book.entity, id, externalId);
            return id;
        }
        String id = flash.call(book.create, details).path(book.entity).path("id").asText();
        log.info("Flash {} {} created for {}", book.entity, id, externalId);
        return id;
    }

    /** Every detail the bridge sends equals what Flash holds (nested ones such as the address field by field). */
    @SuppressWarnings("unchecked")
    private static boolean sameDetails(Map<String, Object> details, JsonNode held) {
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            JsonNode value = held.path(detail.getKey());
            if (detail.getValue() instanceof Map<?, ?> nested) {
                if (!sameDetails((Map<String, Object>) nested, value)) {
                    return false;
                }
            } else if (!Objects.equals(Objects.toString(detail.getValue(), null), text(value))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
