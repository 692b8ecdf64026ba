package io.flashbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code IMutationReply}-shaped answers: {@code success}, {@code code}, {@code message} and an entity. */
final class Reply {

    private Reply() {}

    static Map<String, Object> ok(String code, String message, String entityName, Object entity) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("success", true);
        reply.put("code", code);
        reply.put("message", message);
        if (entityName != null) {
            reply.put(entityName, entity);
        }
        return reply;
    }

    static Map<String, Object> failed(String code, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("success", false);
        reply.put("code", code);
        reply.put("message", message);
        return reply;
    }

    static Map<String, Object> failed(BusinessFailure failure) {
        return failed(failure.code(), failure.getMessage());
    }
}
