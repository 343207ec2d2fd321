/**
 * The project's one JSON codec: a strict RFC 8259 parser ({@link dev.cascade.internal.json.JsonParser}),
 * a deterministic writer ({@link dev.cascade.internal.json.JsonWriter}) and the value model
 * ({@link dev.cascade.internal.json.JsonValue}). Scenario and outcome files, trace files, reports and
 * baselines all go through it.
 *
 * <p><strong>Not API.</strong> Types here are public only so that Cascade's own packages and modules
 * can use them; they may change or disappear in any release.
 */
package dev.cascade.internal.json;
