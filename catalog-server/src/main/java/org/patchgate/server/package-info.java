/**
 * The site server's shared platform: the REST application, the database and its migration at start,
 * health checks, and the mapping of every error to an {@code application/problem+json} response.
 */
package org.patchgate.server;
