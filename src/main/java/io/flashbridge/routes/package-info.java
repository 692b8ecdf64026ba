/**
 * Route files that ops edit: every {@code routes/*.camel.yaml} is checked before it runs (YAML,
 * the Camel YAML DSL schema, endpoint schemes and options, bean references, placeholders, route
 * ids), applied without a restart when it passes and refused, with the running routes left as they
 * were, when it does not; the same checks run offline as {@code validate-routes}.
 */
package io.flashbridge.routes;
