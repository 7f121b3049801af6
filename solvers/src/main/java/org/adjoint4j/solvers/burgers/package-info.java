/**
 * Two-dimensional viscous Burgers system on a doubly periodic rectangle: finite volumes with upwind
 * fluxes, strong-stability-preserving Runge–Kutta time integration, tangent and hand-written adjoint.
 */
package org.adjoint4j.solvers.burgers;
