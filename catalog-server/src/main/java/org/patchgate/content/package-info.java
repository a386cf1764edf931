/**
 * Installer content as Patchgate keeps it: the {@link org.patchgate.content.ContentStore} contract
 * (objects addressed by SHA-256), the content state of an installer, and the typed failures that
 * refuse anything which does not verify.
 */
package org.patchgate.content;
