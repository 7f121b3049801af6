/** The Lorenz-96 model, RK4 in time, on a circle of variables split over ranks. */
package org.adjoint4j.solvers.lorenz96;
