/** How reports are put together: the page template and reading traces for summaries. Not API: it may change without notice. */
package dev.cascade.report.internal;
