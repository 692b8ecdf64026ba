package io.flashbridge.routes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The checks a route file must pass before it runs: YAML, the Camel YAML DSL JSON schema (shipped
 * in the camel-yaml-dsl jar), every endpoint's scheme and options, every bean reference, every
 * placeholder without a default, an id on every route, no id used twice (in the file or in another
 * file), and no required route missing. Every problem is reported with its line and column.
 */
final class RouteFileCheck {

    static final String SCHEMA = "schema/camelYamlDsl.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");
    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z0-9_$.-]+?)(\\?|\\.|})");
    /** An endpoint option given as a bean ({@code exclusiveReadLockStrategy: "#completeUploads"}). */
    private static final Pattern OPTION_BEAN = Pattern.compile("#(?:bean:)?([A-Za-z][A-Za-z0-9_$.-]*)");
    private static final Set<String> ENDPOINT_KEYS = Set.of("to", "toD", "wireTap", "enrich", "pollEnrich", "from");

    private static volatile JsonSchema schema;

    /** What a file defines: its route and route-configuration ids (in file order), and its problems. */
    record Outcome(Set<String> ids, List<RouteProblem> problems) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    private final RouteEnvironment environment;

    RouteFileCheck(RouteEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Checks {@code text}, the new content of {@code file}. {@code idsElsewhere}: the ids the other
     * files define, by id; {@code requiredIds}: ids the bridge cannot work without, that this file
     * defined before (so it must still define them).
     */
    Outcome check(String file, String text, Map<String, String> idsElsewhere, Set<String> requiredIds) {
        RouteYaml.Parsed parsed = RouteYaml.parse(file, text);
        if (parsed.problem() != null) {
            return new Outcome(Set.of(), List.of(parsed.problem()));
        }
        RouteYaml yaml = parsed.yaml();
        List<RouteProblem> problems = new ArrayList<>(schemaProblems(file, yaml));
        Set<String> ids = new LinkedHashSet<>();
        ids(file, yaml, idsElsewhere, ids, problems);
        if (problems.isEmpty()) {
            walk(file, yaml, yaml.tree(), "", null, problems);
        }
        for (String required : requiredIds) {
            if (!ids.contains(required) && !idsElsewhere.containsKey(required)) {
                problems.add(new RouteProblem(file, 1, 1, "the route \"" + required + "\" is required (flashbridge.routes.required) "
                        + "and this version of the file no longer defines it"));
            }
        }
        problems.sort(Comparator.comparingInt(RouteProblem::line).thenComparingInt(RouteProblem::column));
        return new Outcome(ids, problems);
    }

    /**
     * The schema's problems with the file's structure. Scalars are compared as text: the YAML DSL
     * converts {@code 120000}, {@code true} and {@code "{{placeholder}}"} to whatever an option
     * needs, while the schema types each option strictly.
     */
    /** The route and route-configuration ids a file defines, from its YAML alone (no schema, no endpoints): empty when it is not YAML. */
    static Set<String> idsOf(String file, String text) {
        RouteYaml.Parsed parsed = RouteYaml.parse(file, text);
        Set<String> ids = new LinkedHashSet<>();
        if (parsed.yaml() != null) {
            ids(file, parsed.yaml(), Map.of(), ids, new ArrayList<>());
        }
        return ids;
    }

    private List<RouteProblem> schemaProblems(String file, RouteYaml yaml) {
        Map<String, RouteProblem> byLocation = new LinkedHashMap<>();
        for (ValidationMessage violation : schema().validate(scalarsAsText(yaml.tree()))) {
            JsonNode instance = violation.getInstanceNode();
            if (instance != null && instance.isTextual() && SCALAR_MISMATCHES.contains(violation.getType())) {
                continue;
            }
            String pointer = violation.getInstanceLocation().toString();
            int[] at = "additionalProperties".equals(violation.getType()) && violation.getProperty() != null
                    ? yaml.keyPosition(pointer, violation.getProperty())
                    : yaml.position(pointer);
            String where = pointer.isEmpty() ? "the file" : pointer;
            String reason = switch (violation.getType()) {
                case "additionalProperties" -> "\"" + violation.getProperty() + "\" is not an option here (" + where + ")";
                case "required" -> "\"" + violation.getProperty() + "\" is required here (" + where + ")";
                case "type" -> "wrong type at " + where + ": " + violation.getMessage().replaceFirst("^[^:]*: ", "");
                default -> "does not follow the Camel YAML DSL schema at " + where + ": "
                        + violation.getMessage().replaceFirst("^[^:]*: ", "");
            };
            byLocation.putIfAbsent(pointer + " " + violation.getType(), new RouteProblem(file, at[0], at[1], reason));
        }
        // One reason per place: the schema's alternatives (anyOf/oneOf) otherwise repeat each other.
        Map<String, RouteProblem> firstPerPlace = new LinkedHashMap<>();
        byLocation.values().forEach(problem -> firstPerPlace.putIfAbsent(problem.line() + ":" + problem.column(), problem));
        return new ArrayList<>(firstPerPlace.values());
    }

    private static void ids(String file, RouteYaml yaml, Map<String, String> idsElsewhere, Set<String> ids, List<RouteProblem> problems) {
        JsonNode root = yaml.tree();
        for (int i = 0; i < root.size(); i++) {
            Iterator<Map.Entry<String, JsonNode>> fields = root.get(i).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> definition = fields.next();
                String kind = definition.getKey();
                if (!kind.equals("route") && !kind.equals("routeConfiguration")) {
                    continue;
                }
                String pointer = "/" + i + "/" + kind;
                int[] at = yaml.position(pointer);
                String id = definition.getValue().path("id").asText(null);
                if (id == null || id.isBlank()) {
                    problems.add(new RouteProblem(file, at[0], at[1], "every " + kind + " needs an id (ops and the bridge find it by it)"));
                } else if (!ids.add(id)) {
                    int[] idAt = yaml.position(pointer + "/id");
                    problems.add(new RouteProblem(file, idAt[0], idAt[1], "the id \"" + id + "\" is used twice in this file"));
                } else if (idsElsewhere.containsKey(id)) {
                    int[] idAt = yaml.position(pointer + "/id");
                    problems.add(new RouteProblem(file, idAt[0], idAt[1], "the id \"" + id + "\" is already used in "
                            + idsElsewhere.get(id)));
                }
            }
        }
    }

    /** Endpoints, bean references and placeholders, wherever they are in the tree. */
    private void walk(String file, RouteYaml yaml, JsonNode node, String pointer, String key, List<RouteProblem> problems) {
        if (node.isObject()) {
            if (node.has("uri") && node.get("uri").isTextual()) {
                endpoint(file, yaml, pointer + "/uri", node.get("uri").asText(), node.get("parameters"), problems);
            }
            if ("bean".equals(key) && node.has("ref") && node.get("ref").isTextual()) {
                bean(file, yaml, pointer + "/ref", node.get("ref").asText(), problems);
            }
            node.fields().forEachRemaining(field -> walk(file, yaml, field.getValue(), pointer + "/" + escape(field.getKey()),
                    field.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, yaml, node.get(i), pointer + "/" + i, null, problems);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (key != null && ENDPOINT_KEYS.contains(key)) {
                endpoint(file, yaml, pointer, text, null, problems);
            }
            placeholders(file, yaml, pointer, text, problems);
            Matcher optionBean = OPTION_BEAN.matcher(text);
            if (pointer.contains("/parameters/") && optionBean.matches()) {
                bean(file, yaml, pointer, optionBean.group(1), problems);
            }
            Matcher beans = SIMPLE_BEAN.matcher(text);
            while (beans.find()) {
                bean(file, yaml, pointer, beans.group(1), problems);
            }
        }
    }

    private void endpoint(String file, RouteYaml yaml, String pointer, String uri, JsonNode parameters, List<RouteProblem> problems) {
        StringBuilder full = new StringBuilder(uri);
        if (parameters != null && parameters.isObject() && parameters.size() > 0) {
            full.append(uri.contains("?") ? '&' : '?');
            List<String> options = new ArrayList<>();
            parameters.fields().forEachRemaining(option -> options.add(option.getKey() + "="
                    + (option.getValue().isValueNode() ? option.getValue().asText() : option.getValue().toString())));
            full.append(String.join("&", options));
        }
        String problem = environment.endpointProblem(full.toString());
        if (problem != null) {
            int[] at = yaml.position(pointer);
            problems.add(new RouteProblem(file, at[0], at[1], problem));
        }
    }

    private void bean(String file, RouteYaml yaml, String pointer, String name, List<RouteProblem> problems) {
        if (!name.contains("{{") && !environment.hasBean(name)) {
            int[] at = yaml.position(pointer);
            problems.add(new RouteProblem(file, at[0], at[1], "no bean named \"" + name + "\" in the bridge"));
        }
    }

    private void placeholders(String file, RouteYaml yaml, String pointer, String text, List<RouteProblem> problems) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            String placeholder = placeholders.group(1);
            if (placeholder.contains(":") || placeholder.startsWith("env.") || placeholder.startsWith("sys.")) {
                continue;
            }
            if (!environment.hasProperty(placeholder.trim())) {
                int[] at = yaml.position(pointer);
                problems.add(new RouteProblem(file, at[0], at[1], "the placeholder {{" + placeholder + "}} has no value "
                        + "and no default (write {{" + placeholder + ":default}} or set the property)"));
            }
        }
    }

    private static final Set<String> SCALAR_MISMATCHES = Set.of("type", "oneOf", "anyOf", "enum");

    private static JsonNode scalarsAsText(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), scalarsAsText(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(scalarsAsText(item)));
            return copy;
        }
        return node.isNumber() || node.isBoolean() ? com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText()) : node;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonSchema schema() {
        if (schema == null) {
            synchronized (RouteFileCheck.class) {
                if (schema == null) {
                    try (InputStream in = RouteFileCheck.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                        if (in == null) {
                            throw new IllegalStateException(SCHEMA + " (camel-yaml-dsl) is missing from the classpath");
                        }
                        // The Camel schema marks options "deprecated": a note for tools, not a rule.
                        JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                                .keyword(new NonValidationKeyword("deprecated")).build();
                        schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                                .metaSchema(draft4).build()
                                .getSchema(in, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                                        // Built as a file needs it: preloading all of its 800 KB costs over 256 MB of heap.
                                        .preloadJsonSchema(false).cacheRefs(false).build());
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + SCHEMA, e);
                    }
                }
            }
        }
        return schema;
    }
}
