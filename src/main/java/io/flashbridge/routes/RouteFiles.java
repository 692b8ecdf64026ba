package io.flashbridge.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.flashbridge.instruction.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies edits of {@code routes/*.camel.yaml} while the bridge runs, instead of Camel's own
 * reloader (which can leave no routes after a bad edit, CAMEL-24860). Every
 * {@code flashbridge.routes.reload-period} the folder is compared with what runs; a changed, new or
 * deleted file is checked first ({@link RouteFileCheck}, with the other files' ids and the routes
 * the bridge requires). A file that fails is refused: its running routes stay as they were and the
 * refusal is logged, counted, and shown in health and the console until a good version is saved.
 * A file that passes replaces only its own routes: Camel stops each old route gracefully (in-flight
 * exchanges finish), then starts the new version; routes the new version no longer has are removed.
 */
@Component("routeFiles")
public class RouteFiles {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    /** A file as it runs: its content's hash, its text, and the ids it defines. */
    private record Applied(String hash, String text, Set<String> ids) {}

    private final CamelContext camel;
    private final Path folder;
    private final long periodMillis;
    private final Set<String> required;
    private final RouteFileCheck check;
    private final Map<String, Applied> applied = new ConcurrentHashMap<>();
    private final Map<String, RouteEdit> refused = new ConcurrentHashMap<>();
    private final Map<String, String> refusedHashes = new ConcurrentHashMap<>();
    private final Counter appliedEdits;
    private final Counter refusedEdits;
    private ScheduledExecutorService watcher;

    RouteFiles(CamelContext camel, @Value("${flashbridge.routes-dir}") String folder,
               @Value("${flashbridge.routes.reload-period:2000}") long periodMillis,
               org.springframework.core.env.Environment environment, MeterRegistry meters) {
        this.camel = camel;
        this.folder = Path.of(folder);
        this.periodMillis = periodMillis;
        this.required = Set.copyOf(org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("flashbridge.routes.required", org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .orElse(List.of()));
        this.check = new RouteFileCheck(new CamelRouteEnvironment(camel));
        this.appliedEdits = Counter.builder("flashbridge.routes.edits").tag("outcome", "applied")
                .description("Route file edits applied without a restart").register(meters);
        this.refusedEdits = Counter.builder("flashbridge.routes.edits").tag("outcome", "refused")
                .description("Route file edits refused (the previous version keeps running)").register(meters);
        Gauge.builder("flashbridge.routes.refused", refused, Map::size)
                .description("Route files whose latest edit is refused").register(meters);
    }

    /** Takes what runs now as the starting point, then watches the folder. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() throws IOException {
        if (periodMillis <= 0) {
            log.info("Live route edits are off (flashbridge.routes.reload-period = 0)");
            return;
        }
        for (Map.Entry<String, String> file : read().entrySet()) {
            // What runs was loaded by Camel already: only its ids are needed, not a second check.
            applied.put(file.getKey(), new Applied(Sha256.hex(file.getValue()), file.getValue(),
                    RouteFileCheck.idsOf(file.getKey(), file.getValue())));
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "route-files");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::scanQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        log.info("Watching {} for route edits every {} ms", folder.toAbsolutePath(), periodMillis);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** How many route files run. */
    public int runningFiles() {
        return applied.size();
    }

    /** Refused edits by file, oldest first. */
    public List<RouteEdit> refusedEdits() {
        List<RouteEdit> edits = new ArrayList<>(refused.values());
        edits.sort(java.util.Comparator.comparing(RouteEdit::at));
        return edits;
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (Exception e) {
            log.error("Route folder {} not checked: {}", folder, e.toString());
        }
    }

    /** Compares the folder with what runs and applies or refuses each difference. */
    synchronized void scan() throws IOException {
        Map<String, String> files = read();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String hash = Sha256.hex(file.getValue());
            Applied running = applied.get(file.getKey());
            if (running != null && running.hash().equals(hash)) {
                clearRefusal(file.getKey(), "the running version was saved again");
            } else if (!hash.equals(refusedHashes.get(file.getKey()))) {
                edit(file.getKey(), file.getValue(), hash);
            }
        }
        for (String gone : new HashSet<>(applied.keySet())) {
            if (!files.containsKey(gone) && !"deleted".equals(refusedHashes.get(gone))) {
                delete(gone);
            }
        }
    }

    private void edit(String file, String text, String hash) {
        Applied running = applied.get(file);
        Set<String> requiredHere = new HashSet<>(required);
        requiredHere.retainAll(running == null ? Set.of() : running.ids());
        RouteFileCheck.Outcome outcome = check.check(file, text, idsOutside(file), requiredHere);
        if (!outcome.passed()) {
            refuse(file, hash, outcome.problems());
            return;
        }
        try {
            replace(file, text, running == null ? Set.of() : running.ids(), outcome.ids());
        } catch (Exception failed) {
            log.error("Route file {} passed its checks but Camel could not start it: {}; putting the previous version back",
                    file, failed.toString());
            restore(file, running);
            refuse(file, hash, List.of(new RouteProblem(file, 1, 1, "Camel could not start it: " + failed.getMessage())));
            return;
        }
        applied.put(file, new Applied(hash, text, outcome.ids()));
        appliedEdits.increment();
        clearRefusal(file, "a good version was saved");
        log.info("Route file {} applied without a restart: routes {}", file, outcome.ids());
    }

    private void delete(String file) {
        Applied running = applied.get(file);
        Set<String> requiredHere = new HashSet<>(required);
        requiredHere.retainAll(running.ids());
        requiredHere.removeIf(id -> idsOutside(file).containsKey(id));
        if (!requiredHere.isEmpty()) {
            refuse(file, "deleted", List.of(new RouteProblem(file, 1, 1, "deleting this file would remove the required routes "
                    + requiredHere + " (flashbridge.routes.required); they keep running")));
            return;
        }
        try {
            for (String id : running.ids()) {
                removeRoute(id);
            }
        } catch (Exception e) {
            log.error("Routes of deleted file {} not all removed: {}", file, e.toString());
        }
        applied.remove(file);
        clearRefusal(file, "the file was deleted");
        appliedEdits.increment();
        log.info("Route file {} deleted: routes {} removed", file, running.ids());
    }

    /** Removes the routes the new version no longer defines, then lets Camel replace the rest by id. */
    private void replace(String file, String text, Set<String> oldIds, Set<String> newIds) throws Exception {
        for (String id : oldIds) {
            if (!newIds.contains(id)) {
                removeRoute(id);
            }
        }
        PluginHelper.getRoutesLoader(camel).updateRoutes(ResourceHelper.fromString("file:" + folder.resolve(file), text));
    }

    private void restore(String file, Applied previous) {
        if (previous == null) {
            return;
        }
        try {
            PluginHelper.getRoutesLoader(camel).updateRoutes(ResourceHelper.fromString("file:" + folder.resolve(file), previous.text()));
        } catch (Exception e) {
            log.error("The previous version of {} could not be put back: {}", file, e.toString());
        }
    }

    private void removeRoute(String id) throws Exception {
        if (camel.getRoute(id) == null) {
            return;
        }
        if (camel.getRouteController().getRouteStatus(id) != ServiceStatus.Stopped) {
            camel.getRouteController().stopRoute(id);
        }
        camel.removeRoute(id);
    }

    private void refuse(String file, String hash, List<RouteProblem> problems) {
        refusedHashes.put(file, hash);
        refused.put(file, new RouteEdit(file, Instant.now(), List.copyOf(problems)));
        refusedEdits.increment();
        problems.forEach(problem -> log.warn("Route edit refused, the running routes are unchanged: {}", problem));
    }

    private void clearRefusal(String file, String why) {
        refusedHashes.remove(file);
        if (refused.remove(file) != null) {
            log.info("Route file {} no longer refused: {}", file, why);
        }
    }

    /** The ids every other running file defines, by id. */
    private Map<String, String> idsOutside(String file) {
        Map<String, String> ids = new HashMap<>();
        applied.forEach((other, running) -> {
            if (!other.equals(file)) {
                running.ids().forEach(id -> ids.put(id, other));
            }
        });
        return ids;
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.filter(RouteFolderCheck::isRouteFile).sorted().toList()) {
                try {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (NoSuchFileException | java.nio.charset.MalformedInputException skipped) {
                    if (skipped instanceof java.nio.charset.MalformedInputException) {
                        files.put(file.getFileName().toString(), "\u0000 not UTF-8");
                    }
                }
            }
        }
        return files;
    }
}
