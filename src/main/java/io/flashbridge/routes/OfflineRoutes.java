package io.flashbridge.routes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar flash-bridge.jar validate-routes DIR}: the checks of a live edit, run on a folder
 * before deployment, without starting the bridge. Endpoints are checked against the components in
 * the jar, bean references against the bridge's beans, placeholders against
 * {@code application.yml} and the environment. Prints {@code file:line:column: reason} per problem;
 * exit status 0 when the folder is good, 1 when not, 2 when it cannot be read.
 */
public final class OfflineRoutes {

    private OfflineRoutes() {}

    /** The command line: only the verdict on the console (the bridge's logging is not set up outside Spring Boot). */
    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java -jar flash-bridge.jar validate-routes DIR");
            return 2;
        }
        Path folder = Path.of(args[1]);
        if (!Files.isDirectory(folder)) {
            err.println(folder + ": not a folder");
            return 2;
        }
        Properties properties = properties();
        CamelContext camel = context(properties);
        try {
            List<String> required = Arrays.stream(properties.getProperty("flashbridge.routes.required", "").split(","))
                    .map(String::trim).filter(id -> !id.isEmpty()).toList();
            List<RouteProblem> problems = new RouteFolderCheck(new CamelRouteEnvironment(camel), required).check(folder);
            problems.forEach(err::println);
            if (problems.isEmpty()) {
                out.println(folder + ": every route file is valid");
                return 0;
            }
            err.println(folder + ": " + problems.size() + " problem(s); nothing in this folder should be deployed");
            return 1;
        } catch (IOException e) {
            err.println(folder + ": cannot be read: " + e.getMessage());
            return 2;
        } finally {
            camel.stop();
        }
    }

    private static CamelContext context(Properties properties) {
        DefaultCamelContext camel = new DefaultCamelContext(false);
        camel.getPropertiesComponent().setInitialProperties(properties);
        bridgeBeans().forEach(name -> camel.getRegistry().bind(name, new Object()));
        camel.build();
        return camel;
    }

    /** {@code application.yml} flattened ({@code flashbridge.routes.required} as one comma-separated value). */
    private static Properties properties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties flat = yaml.getObject();
        Properties properties = new Properties();
        StringBuilder required = new StringBuilder();
        flat.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith("flashbridge.routes.required[")) {
                required.append(required.length() == 0 ? "" : ",").append(value);
            } else {
                properties.put(name, String.valueOf(value));
            }
        });
        properties.put("flashbridge.routes.required", required.toString());
        // Spring's ${...} placeholders (environment variables with defaults) resolved as Spring Boot would.
        org.springframework.util.PropertyPlaceholderHelper springPlaceholders =
                new org.springframework.util.PropertyPlaceholderHelper("${", "}", ":", null, true);
        Properties resolved = new Properties();
        properties.forEach((key, value) -> resolved.put(key, springPlaceholders.replacePlaceholders(value.toString(),
                name -> System.getenv(name) != null ? System.getenv(name)
                        : System.getProperty(name, properties.getProperty(name)))));
        return resolved;
    }

    /** The names of the bridge's components, as Spring names them (the sandbox's are not the bridge's). */
    private static List<String> bridgeBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        return scanner.findCandidateComponents("io.flashbridge").stream()
                .filter(definition -> !definition.getBeanClassName().startsWith("io.flashbridge.sandbox."))
                .map((BeanDefinition definition) -> names.generateBeanName(definition, registry))
                .toList();
    }
}
