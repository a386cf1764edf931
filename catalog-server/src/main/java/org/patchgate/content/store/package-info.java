/**
 * The content store on a local or network disk: objects under {@code sha256/ab/cd/<hex>}, written to a
 * temporary file on the same filesystem and moved into place atomically, with a disk quota.
 */
package org.patchgate.content.store;
