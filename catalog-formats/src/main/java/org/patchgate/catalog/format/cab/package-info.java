/**
 * A small, bounded reader of Microsoft cabinet files (MS-CAB: stored and MSZIP folders) that
 * streams each file to a consumer without extracting anything to disk.
 */
package org.patchgate.catalog.format.cab;
