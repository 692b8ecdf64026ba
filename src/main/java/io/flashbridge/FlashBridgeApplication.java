package io.flashbridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.flashbridge.sandbox.SandboxApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Flash Bridge. {@link #main} is the composition root: in the embedded default it starts the
 * Flash sandbox (its own Spring context and HTTP port) and then the bridge, which reaches the
 * sandbox only over HTTP. With the {@code sandbox} profile only the sandbox starts; with
 * {@code prod}, or {@code FLASHBRIDGE_SANDBOX_ENABLED=false}, only the bridge. {@code validate-routes DIR}
 * checks a routes folder and exits ({@link io.flashbridge.routes.OfflineRoutes}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.flashbridge\\.sandbox\\..*"))
public class FlashBridgeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate-routes")) {
            io.flashbridge.routes.OfflineRoutes.main(args);
        }
        List<String> profiles = activeProfiles(args);
        if (profiles.contains("sandbox")) {
            SandboxApplication.start(true, sandboxArgs(args));
            return;
        }
        ConfigurableApplicationContext sandbox = wantsEmbeddedSandbox(profiles, args)
                ? SandboxApplication.start(false, embeddedSandboxArgs(args))
                : null;
        ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FlashBridgeApplication.class)
                .registerShutdownHook(false)
                .run(args);
        // Close the bridge first: it logs out of Flash on the way down, so the sandbox must still answer.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }, "flash-bridge-shutdown"));
    }

    private static boolean wantsEmbeddedSandbox(List<String> profiles, String[] args) {
        String setting = setting(args, "flashbridge.sandbox.enabled", "FLASHBRIDGE_SANDBOX_ENABLED").orElse("true");
        return !profiles.contains("prod") && Boolean.parseBoolean(setting);
    }

    /** The sandbox takes only {@code --sandbox.*} and {@code --logging.*} arguments; the rest are the bridge's. */
    private static String[] sandboxArgs(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--sandbox.") || arg.startsWith("--logging."))
                .toArray(String[]::new);
    }

    /**
     * Logging is one per JVM and the first context names it: the embedded sandbox starts first, so
     * it leaves the name to the bridge, or every bridge log line would say "flash-sandbox".
     */
    private static String[] embeddedSandboxArgs(String[] args) {
        List<String> sandboxArgs = new ArrayList<>(Arrays.asList(sandboxArgs(args)));
        sandboxArgs.add("--logging.include-application-name=false");
        return sandboxArgs.toArray(String[]::new);
    }

    private static List<String> activeProfiles(String[] args) {
        return setting(args, "spring.profiles.active", "SPRING_PROFILES_ACTIVE")
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).toList())
                .orElse(List.of());
    }

    private static Optional<String> setting(String[] args, String property, String environmentVariable) {
        String prefix = "--" + property + "=";
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .reduce((first, second) -> second)
                .or(() -> Optional.ofNullable(System.getProperty(property)))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)));
    }
}
