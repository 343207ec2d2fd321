/**
 * The dynamic supervisor's machinery: its gen_server, child table, restarts and concurrent
 * shutdown. Not API: anything here may change without notice.
 */
package dev.cascade.dynamic.internal;
