/**
 * Errors as RFC 9457 problem details: the {@link org.patchgate.server.problem.Problem} body, the
 * exception type capabilities throw, and the one place where every exception becomes a response.
 */
package org.patchgate.server.problem;
