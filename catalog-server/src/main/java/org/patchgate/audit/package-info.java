/**
 * The audit log: who changed what, when and with which outcome, recorded for every change made through
 * the API and readable by administrators.
 */
package org.patchgate.audit;
