/**
 * The normalised catalog as every adapter produces it: vendor, product, update, installers and
 * detection rules, as immutable values independent of any source format or of storage.
 */
package org.patchgate.catalog.model;
