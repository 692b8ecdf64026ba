/** What operations watch: health indicators, metrics and the Flash balance check. */
package io.flashbridge.ops;
