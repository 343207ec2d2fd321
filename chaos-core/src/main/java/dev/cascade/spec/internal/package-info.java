/** How the built-in specifications read a trace. Not API: it may change in any release. */
package dev.cascade.spec.internal;
