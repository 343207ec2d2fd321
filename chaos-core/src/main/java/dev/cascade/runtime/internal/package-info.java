/**
 * The runtime's machinery: process cells, mailboxes, the kernel, the real scheduler. Not API:
 * anything here may change without notice.
 */
package dev.cascade.runtime.internal;
