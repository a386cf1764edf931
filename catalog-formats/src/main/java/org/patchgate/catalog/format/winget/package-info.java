/** Reads winget-pkgs manifests (multi-file and singleton, ManifestVersion 1.x) into catalog entries. */
package org.patchgate.catalog.format.winget;
