package io.flashbridge.routes;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.support.PluginHelper;

/**
 * Route references checked against a Camel context: the running bridge's, or for offline checks
 * one built from the jar ({@link OfflineRoutes}). Endpoints are checked with the component's own
 * metadata (Camel's runtime catalog): the scheme must be a component on the classpath and every
 * option one it knows, with a value of its type. Nothing is created or started.
 */
final class CamelRouteEnvironment implements RouteEnvironment {

    private final CamelContext camel;

    CamelRouteEnvironment(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public String endpointProblem(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        if (scheme.isBlank() || scheme.contains("{{")) {
            return null;
        }
        if (camel.hasComponent(scheme) == null && resolve(scheme) == null) {
            return "unknown endpoint scheme \"" + scheme + "\" (no such Camel component in the bridge)";
        }
        String resolved;
        try {
            resolved = camel.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException unresolved) {
            return null; // the placeholder check says which one
        }
        try {
            RuntimeCamelCatalog catalog = PluginHelper.getRuntimeCamelCatalog(camel);
            Map<String, String> options = catalog.endpointProperties(resolved);
            EndpointValidationResult result = catalog.validateProperties(scheme, options);
            return result.isSuccess() || onlySchedulerShorthand(result) ? null : "endpoint " + scheme + ": " + explain(result);
        } catch (Exception unreadable) {
            return "endpoint \"" + uri + "\" cannot be read: " + unreadable.getMessage();
        }
    }

    /** {@code scheduler: spring} (or {@code quartz}) is Camel's shorthand for a scheduler, not a bean reference the catalog could check. */
    private static boolean onlySchedulerShorthand(EndpointValidationResult result) {
        Map<?, ?> references = result.getInvalidReference();
        return references != null && references.size() == result.getNumberOfErrors()
                && references.entrySet().stream().allMatch(reference -> "scheduler".equals(reference.getKey())
                        && ("spring".equals(reference.getValue()) || "quartz".equals(reference.getValue())));
    }

    /** The catalog's findings in one line: unknown options, values of the wrong kind, missing options. */
    private static String explain(EndpointValidationResult result) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (result.getSyntaxError() != null) {
            reasons.add(result.getSyntaxError());
        }
        if (result.getUnknown() != null) {
            result.getUnknown().forEach(option -> reasons.add("unknown option \"" + option + "\""));
        }
        if (result.getRequired() != null) {
            result.getRequired().forEach(option -> reasons.add("option \"" + option + "\" is required"));
        }
        Map<String, Map<?, ?>> invalid = new java.util.LinkedHashMap<>();
        invalid.put("a number", result.getInvalidNumber());
        invalid.put("an integer", result.getInvalidInteger());
        invalid.put("true or false", result.getInvalidBoolean());
        invalid.put("a duration such as 500 or 2s", result.getInvalidDuration());
        invalid.put("one of its allowed values", result.getInvalidEnum());
        invalid.put("a #bean reference", result.getInvalidReference());
        invalid.forEach((kind, options) -> {
            if (options != null) {
                options.forEach((option, value) -> reasons.add(option + " \"" + value + "\" must be " + kind));
            }
        });
        return reasons.isEmpty() ? result.summaryErrorMessage(false).trim() : String.join("; ", reasons);
    }

    private Object resolve(String scheme) {
        try {
            return PluginHelper.getComponentResolver(camel).resolveComponent(scheme, camel);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public boolean hasBean(String name) {
        return camel.getRegistry().lookupByName(name) != null;
    }

    @Override
    public boolean hasProperty(String key) {
        return camel.getPropertiesComponent().resolveProperty(key).isPresent();
    }
}
