/**
 * The reference device agent that verifies metadata, installs updates and reports, and the fleet simulator.
 */
package org.patchgate.agent;
