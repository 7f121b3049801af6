/**
 * Two-dimensional shallow-water equations on an Arakawa C grid, integrated with the SSP Runge–Kutta 3
 * scheme, with its tangent-linear and hand-written discrete adjoint step; controls are the bathymetry,
 * the initial elevation and the bottom drag.
 */
package org.adjoint4j.solvers.shallowwater;
