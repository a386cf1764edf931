/**
 * The one command that runs a Patchgate site: checks the configuration, starts the embedded PostgreSQL
 * unless an external one is configured, boots Payara Micro with the site server, and stops both
 * cleanly.
 */
package org.patchgate.launcher;
