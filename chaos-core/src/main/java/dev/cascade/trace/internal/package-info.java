/**
 * Internals of the trace: how the runtime records events as they happen.
 *
 * <p><strong>Not API.</strong> Types here are public only so that the runtime can use them; they may
 * change or disappear in any release. Use {@link dev.cascade.trace.Trace}.
 */
package dev.cascade.trace.internal;
