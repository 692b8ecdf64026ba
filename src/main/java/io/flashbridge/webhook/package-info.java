/**
 * Flash's webhooks: HMAC signature check over the raw bytes (constant-time), dedupe on
 * {@code flashfx-request-id}, persist before answering 2xx; ad hoc callbacks checked with their
 * {@code ?signature=} token.
 */
package io.flashbridge.webhook;
