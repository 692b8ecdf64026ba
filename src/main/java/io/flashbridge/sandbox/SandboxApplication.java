package io.flashbridge.sandbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.graphql.GraphQlAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Flash sandbox as its own Spring application with its own HTTP port (8090 by default).
 * It imports only the auto-configuration it needs, so none of the bridge's infrastructure
 * (Camel, broker, database) starts inside it, and it reads {@code sandbox.yml}, not the
 * bridge's {@code application.yml}.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(SandboxProperties.class)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    GraphQlAutoConfiguration.class
})
@ComponentScan
public class SandboxApplication {

    /** Starts the sandbox; {@code args} are Spring properties such as {@code --server.port=0}. */
    public static ConfigurableApplicationContext start(boolean registerShutdownHook, String... args) {
        return new SpringApplicationBuilder(SandboxApplication.class)
                .main(SandboxApplication.class)
                .properties("spring.config.name=sandbox")
                .registerShutdownHook(registerShutdownHook)
                .run(args);
    }

    public static void main(String[] args) {
        start(true, args);
    }
}
