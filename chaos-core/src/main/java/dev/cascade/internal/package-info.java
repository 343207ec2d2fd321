/**
 * Small helpers Cascade's own packages and modules share (how values are echoed in messages).
 *
 * <p><strong>Not API.</strong> Types here are public only so that Cascade's own packages and modules
 * can use them; they may change or disappear in any release.
 */
package dev.cascade.internal;
