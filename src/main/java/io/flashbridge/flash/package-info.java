/**
 * The Flash Payments API client: one GraphQL document per operation sent with camel-graphql,
 * a token session that logs in lazily and refreshes from the JWT's {@code exp}, and the mapping
 * of Flash's three failure layers to exceptions that say whether a retry can help.
 */
package io.flashbridge.flash;
