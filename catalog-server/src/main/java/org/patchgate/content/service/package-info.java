/**
 * The content capability inside the site server: one content store under the data directory, and the
 * service that fetches the installers of updates an admin selects, recording each installer's content
 * state in the catalog.
 */
package org.patchgate.content.service;
