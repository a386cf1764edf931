/**
 * The SCUP adapter: reads SoftwareDistributionPackage ({@code .sdp}) files, SystemsManagementCatalog
 * XML and catalog cabinets with a hardened streaming StAX parser into normalised catalog entries.
 */
package org.patchgate.catalog.format.scup;
