/**
 * The local content repository: a folder an administrator fills with installers (licensed or
 * unreachable ones, or a pre-seeded cache) that is consulted before the network.
 */
package org.patchgate.content.local;
