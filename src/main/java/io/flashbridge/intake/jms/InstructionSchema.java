package io.flashbridge.intake.jms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flashbridge.instruction.RowProblem;
import io.flashbridge.instruction.ShownValue;

/**
 * The published contract of a JMS instruction, {@code schemas/instruction.schema.json}, checked by
 * networknt's validator. Every violation becomes one field-level reason in the bridge's own words
 * (the library's text is not the contract), all of them at once.
 */
final class InstructionSchema {

    static final String LOCATION = "schemas/instruction.schema.json";

    private final JsonSchema schema;

    InstructionSchema() {
        try (InputStream in = InstructionSchema.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the classpath");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().pathType(com.networknt.schema.PathType.JSON_POINTER).build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LOCATION, e);
        }
    }

    /** One reason per field that breaks the schema (the first for a field, in field order). */
    List<RowProblem> problems(JsonNode message) {
        Map<String, RowProblem> byField = new LinkedHashMap<>();
        schema.validate(message).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .forEach(violation -> {
                    RowProblem problem = reason(violation);
                    byField.putIfAbsent(problem.field(), problem);
                });
        return new ArrayList<>(byField.values());
    }

    private static RowProblem reason(ValidationMessage violation) {
        String location = violation.getInstanceLocation().toString();
        String field = location.isEmpty() || location.equals("/") ? null : location.substring(location.lastIndexOf('/') + 1);
        JsonNode value = violation.getInstanceNode();
        String shown = value == null ? "" : "\"" + ShownValue.of(value.isTextual() ? value.asText() : value.toString()) + "\" ";
        return switch (violation.getType()) {
            case "required" -> new RowProblem(violation.getProperty(), "is required");
            case "additionalProperties" -> new RowProblem(violation.getProperty(), "is not a field of this kind of instruction");
            case "type" -> new RowProblem(field, shown + "must be a JSON string");
            case "maxLength" -> new RowProblem(field, "is longer than " + violation.getArguments()[0] + " characters");
            case "pattern" -> new RowProblem(field, shown + "must be a decimal number in a JSON string, such as \"1250.00\"");
            case "enum", "const" -> new RowProblem(field, shown + "must be \"payout\" or \"fx-payment\"");
            default -> new RowProblem(field, shown + "is not allowed here (" + violation.getType() + ")");
        };
    }
}
