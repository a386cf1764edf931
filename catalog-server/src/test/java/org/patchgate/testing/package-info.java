/**
 * Test infrastructure shared by the integration tests: the real PostgreSQL they run against and an
 * HTTP client that speaks to the deployed server.
 */
package org.patchgate.testing;
