package io.flashbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The sub-clients (VANs) configured in {@code sandbox.sub-clients}, shown as Flash's {@code subClient} object. */
@Component
class SubClients {

    private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

    SubClients(SandboxProperties properties) {
        properties.subClients().forEach(sub -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", sub.id());
            view.put("fullName", sub.fullName());
            view.put("status", "ACTIVE");
            view.put("clientType", "INDIVIDUAL");
            view.put("bsb", sub.bsb());
            view.put("accountNo", sub.accountNo());
            view.put("externalId", sub.externalId());
            byId.put(sub.id(), view);
        });
    }

    /** The sub-client with this id; {@code null} id means none; an unknown id is {@code NOT_FOUND}. */
    Map<String, Object> resolve(Object id) {
        if (id == null) {
            return null;
        }
        Map<String, Object> subClient = byId.get(id.toString());
        if (subClient == null) {
            throw new BusinessFailure(BusinessFailure.NOT_FOUND, "Sub-client " + id + " not found");
        }
        return subClient;
    }
}
