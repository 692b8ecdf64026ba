package io.flashbridge.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Checks every {@code *.camel.yaml} of a folder together: each file's checks, ids across files, required routes. */
final class RouteFolderCheck {

    private final RouteFileCheck check;
    private final List<String> required;

    RouteFolderCheck(RouteEnvironment environment, List<String> required) {
        this.check = new RouteFileCheck(environment);
        this.required = required;
    }

    List<RouteProblem> check(Path folder) throws IOException {
        Map<String, String> texts = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(RouteFolderCheck::isRouteFile).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Map<String, Set<String>> idsByFile = new HashMap<>();
        texts.forEach((file, text) -> idsByFile.put(file, RouteFileCheck.idsOf(file, text)));
        List<RouteProblem> problems = new ArrayList<>();
        Map<String, String> everyId = new HashMap<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            Map<String, String> elsewhere = new HashMap<>();
            idsByFile.forEach((other, ids) -> {
                if (other.compareTo(file.getKey()) < 0) {
                    ids.forEach(id -> elsewhere.putIfAbsent(id, other));
                }
            });
            RouteFileCheck.Outcome outcome = check.check(file.getKey(), file.getValue(), elsewhere, Set.of());
            problems.addAll(outcome.problems());
            outcome.ids().forEach(id -> everyId.putIfAbsent(id, file.getKey()));
        }
        for (String id : required) {
            if (!everyId.containsKey(id)) {
                problems.add(new RouteProblem(folder.getFileName() + "/", 1, 1, "the required route \"" + id
                        + "\" (flashbridge.routes.required) is defined by no file"));
            }
        }
        return problems;
    }

    static boolean isRouteFile(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".camel.yaml");
    }
}
