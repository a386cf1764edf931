/**
 * The {@link org.patchgate.catalog.format.CatalogAdapter} contract and the adapters that read each
 * vendor catalog format (one sub-package per format) into normalised catalog entries.
 */
package org.patchgate.catalog.format;
