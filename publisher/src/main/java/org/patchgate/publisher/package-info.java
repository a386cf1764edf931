/**
 * Keys, certificates and signed update metadata (The Update Framework), and the client-side verification workflow.
 */
package org.patchgate.publisher;
