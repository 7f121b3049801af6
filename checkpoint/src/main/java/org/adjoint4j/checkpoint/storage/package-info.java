/** Storage tiers for snapshots. */
package org.adjoint4j.checkpoint.storage;
