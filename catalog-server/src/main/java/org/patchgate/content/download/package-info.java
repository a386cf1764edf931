/**
 * Downloads installers over HTTP(S) into a content store's staging area — bounded in time, size and
 * redirects, resumable with Range requests — and verifies them against the catalog's hash.
 */
package org.patchgate.content.download;
