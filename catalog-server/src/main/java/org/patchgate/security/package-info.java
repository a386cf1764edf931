/**
 * Administrator accounts, roles, login (cookie session or bearer token), CSRF protection and lockout,
 * and the request filter that enforces a role on every API endpoint.
 */
package org.patchgate.security;
