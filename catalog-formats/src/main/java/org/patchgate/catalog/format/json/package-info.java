/** Reads Patchgate's own JSON catalog format (docs/formats/patchgate-json.md) into catalog entries. */
package org.patchgate.catalog.format.json;
