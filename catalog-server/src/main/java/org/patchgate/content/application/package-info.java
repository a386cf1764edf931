/**
 * The content service: takes a catalog installer to {@code VERIFIED} or {@code FAILED}, trying the
 * store, the local content repository and then the network.
 */
package org.patchgate.content.application;
