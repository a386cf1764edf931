/**
 * The Chocolatey adapter: reads a chocolatey-packages style tree ({@code .nuspec} plus
 * {@code tools/chocolateyInstall.ps1}) into catalog entries without ever running PowerShell.
 */
package org.patchgate.catalog.format.chocolatey;
