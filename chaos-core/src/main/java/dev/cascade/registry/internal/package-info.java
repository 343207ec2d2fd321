/**
 * The registry's machinery: its tables, shared by every process of the node like ETS tables, the
 * registry process that cleans them up, and the name service behind {@code ServerRef.Via}. Not
 * API: anything here may change without notice.
 */
package dev.cascade.registry.internal;
