package io.flashbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Idempotency fingerprints ignore key order, number spelling and the key itself, and nothing else. */
class FingerprintProperties {

    @Property
    void ignoresKeyOrderAndTrailingZeros(@ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal amount) {
        Map<String, Object> forwards = new LinkedHashMap<>();
        forwards.put("amount", amount);
        forwards.put("currency", "AUD");
        forwards.put("idempotencyKey", "k1");
        Map<String, Object> backwards = new LinkedHashMap<>();
        backwards.put("idempotencyKey", "k2");
        backwards.put("currency", "AUD");
        backwards.put("amount", amount.setScale(4));

        assertThat(Fingerprint.of(forwards)).isEqualTo(Fingerprint.of(backwards));
    }

    @Property
    void changesWhenTheAmountChanges(@ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal amount) {
        Map<String, Object> original = Map.of("amount", amount, "recipient", Map.of("bsb", "062000"), "tags", List.of("a"));
        Map<String, Object> changed = Map.of("amount", amount.add(new BigDecimal("0.01")), "recipient", Map.of("bsb", "062000"),
                "tags", List.of("a"));

        assertThat(Fingerprint.of(original)).isNotEqualTo(Fingerprint.of(changed));
    }
}
