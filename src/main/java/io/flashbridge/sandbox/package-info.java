/**
 * A Flash Payments simulator: a real GraphQL server with Flash's operation and type names, status
 * lifecycles driven by a scalable clock, balances, idempotency and signed webhooks. It never
 * imports bridge code; the bridge talks to it only over HTTP, exactly as it talks to Flash UAT.
 */
package io.flashbridge.sandbox;
