/**
 * Two-dimensional shallow-water equations on an Arakawa C grid, with two explicit integrators (SSP
 * Runge–Kutta 3 and leapfrog with a Robert–Asselin filter), each with its tangent-linear and
 * hand-written discrete adjoint step; controls are the bathymetry, the initial elevation and the
 * bottom drag.
 */
package org.adjoint4j.solvers.shallowwater;
