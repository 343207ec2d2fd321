/**
 * A stand-in user library for the catalog's blocking-call entry: it lives outside {@code dev.cascade}
 * because the agent weaves only user code. Not Cascade API.
 */
package example.pricing;
