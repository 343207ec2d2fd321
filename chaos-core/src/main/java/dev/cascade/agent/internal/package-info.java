/**
 * Internals of the agent: the matchers, advice, dispatchers and bootstrap bridge that weave user
 * code for tracing, virtual time and method faults.
 *
 * <p><strong>Not API.</strong> Types here are public only because woven code and other Cascade
 * packages call them; they may change or disappear in any release. Use
 * {@link dev.cascade.agent.CascadeAgent} and {@link dev.cascade.agent.UserCode}.
 */
package dev.cascade.agent.internal;
