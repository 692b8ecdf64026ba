package io.flashbridge.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Points a {@link BridgeTest} context at the shared sandbox. */
public abstract class BridgeTestSupport {

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("flash.api-url", () -> SandboxServer.shared().url());
    }
}
