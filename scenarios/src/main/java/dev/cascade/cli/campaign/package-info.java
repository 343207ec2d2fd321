/** {@code cascade campaign run|merge}: the command line over {@link dev.cascade.campaign}. Not API. */
package dev.cascade.cli.campaign;
