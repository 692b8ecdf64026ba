package io.flashbridge.sandbox;

import java.time.Instant;
import java.util.Map;

/** A withdrawal, payment or deposit: something with a status that webhooks report on. */
interface Transaction {

    String id();

    Instant createdAt();

    String externalId();

    /** A consistent snapshot of the entity's fields, as GraphQL and webhook payloads show them. */
    Map<String, Object> view();
}
