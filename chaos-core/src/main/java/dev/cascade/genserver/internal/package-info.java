/** The gen_server machinery: start protocol, call protocol, main loop. Not API. */
package dev.cascade.genserver.internal;
