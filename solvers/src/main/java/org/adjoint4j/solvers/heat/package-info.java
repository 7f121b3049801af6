/** Two-dimensional heat equation with a spatially varying diffusivity. */
package org.adjoint4j.solvers.heat;
