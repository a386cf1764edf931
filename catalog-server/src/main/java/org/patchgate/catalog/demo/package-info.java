/**
 * The demo catalog loaded on the first start: real winget manifests, and a small catalog of our own
 * whose installers this server generates and serves, so that syncing and downloading work offline.
 */
package org.patchgate.catalog.demo;
