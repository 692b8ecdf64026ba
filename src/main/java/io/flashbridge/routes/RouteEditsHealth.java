package io.flashbridge.routes;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code routes}: UP while the routes run (a refused edit changes
 * nothing that runs), with every refused edit as {@code file:line:column: reason} until a good
 * version of its file is saved.
 */
@Component("routes")
class RouteEditsHealth implements HealthIndicator {

    private final RouteFiles files;

    RouteEditsHealth(RouteFiles files) {
        this.files = files;
    }

    @Override
    public Health health() {
        List<String> refused = files.refusedEdits().stream()
                .flatMap(edit -> edit.problems().stream().map(RouteProblem::toString))
                .toList();
        return Health.up().withDetail("files", files.runningFiles()).withDetail("refusedEdits", refused).build();
    }
}
