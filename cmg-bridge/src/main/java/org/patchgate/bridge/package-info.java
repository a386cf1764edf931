/**
 * The internet gateway and the on-premises connection point that relays device traffic over an outbound tunnel.
 */
package org.patchgate.bridge;
