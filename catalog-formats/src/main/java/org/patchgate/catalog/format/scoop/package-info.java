/**
 * Reads Scoop buckets (folders of JSON app manifests) into normalised catalog entries, without ever
 * evaluating the PowerShell scripts a manifest carries.
 */
package org.patchgate.catalog.format.scoop;
