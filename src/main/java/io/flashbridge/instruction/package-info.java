/**
 * The canonical payment instruction every source is mapped to, and the validation rules every
 * row must pass before it may reach Flash (flash-api.md 2.5, Australian Direct Entry limits).
 */
package io.flashbridge.instruction;
