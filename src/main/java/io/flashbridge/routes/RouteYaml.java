package io.flashbridge.routes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One route file parsed as the YAML DSL reads it, kept as JSON for the schema and the checks, with
 * the line and column of every value by its JSON pointer, so each problem can say where it is.
 */
final class RouteYaml {

    /** Suffix of a pointer that asks for the position of the key itself rather than its value. */
    static final String KEY = "#key";

    private final JsonNode tree;
    private final Map<String, int[]> positions;

    private RouteYaml(JsonNode tree, Map<String, int[]> positions) {
        this.tree = tree;
        this.positions = positions;
    }

    /** The parsed file, or the problem that stops it from being YAML at all. */
    record Parsed(RouteYaml yaml, RouteProblem problem) {}

    static Parsed parse(String file, String text) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            return new Parsed(null, new RouteProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            return new Parsed(null, new RouteProblem(file, 1, 1, "not valid YAML: " + e.getMessage()));
        }
        Map<String, int[]> positions = new HashMap<>();
        if (root.isEmpty()) {
            return new Parsed(new RouteYaml(JsonNodeFactory.instance.arrayNode(), positions), null);
        }
        try {
            return new Parsed(new RouteYaml(json(root.get(), "", positions), positions), null);
        } catch (DuplicateKey duplicate) {
            return new Parsed(null, new RouteProblem(file, duplicate.line, duplicate.column,
                    "the key \"" + duplicate.key + "\" is given twice"));
        }
    }

    JsonNode tree() {
        return tree;
    }

    /** Line and column (from 1) of the key {@code key} of the object at {@code pointer}, or of the object. */
    int[] keyPosition(String pointer, String key) {
        int[] found = positions.get(pointer + "/" + escape(key) + KEY);
        return found != null ? found : position(pointer);
    }

    /** Line and column (from 1) of the value at {@code pointer}, or of its nearest parent the file has. */
    int[] position(String pointer) {
        String at = pointer;
        while (true) {
            int[] found = positions.get(at);
            if (found != null || at.isEmpty()) {
                return found == null ? new int[] {1, 1} : found;
            }
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
    }

    private static JsonNode json(Node node, String pointer, Map<String, int[]> positions) {
        node.getStartMark().ifPresent(mark -> positions.put(pointer, new int[] {mark.getLine() + 1, mark.getColumn() + 1}));
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (NodeTuple entry : mapping.getValue()) {
                String key = entry.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(entry.getKeyNode());
                if (object.has(key)) {
                    Mark mark = entry.getKeyNode().getStartMark().orElse(null);
                    throw new DuplicateKey(key, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1);
                }
                String child = pointer + "/" + escape(key);
                entry.getKeyNode().getStartMark().ifPresent(mark -> positions.put(child + KEY, new int[] {mark.getLine() + 1,
                        mark.getColumn() + 1}));
                object.set(key, json(entry.getValueNode(), child, positions));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                array.add(json(sequence.getValue().get(i), pointer + "/" + i, positions));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.BOOL.equals(tag)) {
                return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
            }
            if (Tag.INT.equals(tag)) {
                return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(value.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value.replace("_", "")));
            }
        } catch (NumberFormatException notPlain) {
            return JsonNodeFactory.instance.textNode(value);
        }
        if (Tag.NULL.equals(tag)) {
            return JsonNodeFactory.instance.nullNode();
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static final class DuplicateKey extends RuntimeException {
        private final String key;
        private final int line;
        private final int column;

        DuplicateKey(String key, int line, int column) {
            super(key, null, false, false);
            this.key = key;
            this.line = line;
            this.column = column;
        }
    }
}
