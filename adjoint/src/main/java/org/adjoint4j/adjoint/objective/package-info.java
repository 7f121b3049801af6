/** Ready-made objective terms. */
package org.adjoint4j.adjoint.objective;
