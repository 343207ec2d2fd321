/** The supervisor's machinery: child table, restart window, strategies, shutdown protocol. Not API. */
package dev.cascade.supervisor.internal;
