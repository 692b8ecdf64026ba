package io.flashbridge.ops.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The operators' own audit trail: who replayed or discarded what, when. */
@Component
class OpsActions {

    private final NamedParameterJdbcTemplate jdbc;

    OpsActions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String actor, String action, String subject, String detail) {
        jdbc.update("insert into ops_action (actor, action, subject, detail, at) values (:actor, :action, :subject, :detail, :at)",
                new MapSqlParameterSource().addValue("actor", actor).addValue("action", action)
                        .addValue("subject", subject.length() > 200 ? subject.substring(0, 200) : subject)
                        .addValue("detail", detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
                        .addValue("at", java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC)));
    }

    List<Map<String, Object>> latest(int limit) {
        return jdbc.queryForList("select actor, action, subject, detail, at from ops_action order by id desc fetch first "
                + limit + " rows only", Map.of());
    }
}
