/**
 * A small "user library" for the agent's tests: code Cascade does not own, as a user's handlers
 * would call it — a slow HTTP-like client that sleeps and reads the clock, a flaky repository with a
 * checked exception, an annotated remote gateway, and a GenServer that charges accounts through them.
 * It lives outside {@code dev.cascade} on purpose: the agent refuses to weave Cascade's own classes.
 */
package example.shop;
