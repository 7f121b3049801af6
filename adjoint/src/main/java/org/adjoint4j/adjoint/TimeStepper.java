package org.adjoint4j.adjoint;

/**
 * One time step of a model, u<sub>n+1</sub> = F<sub>n</sub>(u<sub>n</sub>, m), and its discrete
 * adjoint. Implementations are deterministic: the same inputs give bit-identical outputs, which
 * checkpointing relies on when it recomputes states.
 *
 * <p>The driver calls, for one gradient:
 * <pre>
 *   prepare(m)
 *   forward(n, u_n, u_n+1, m)                      for the steps the schedule advances (recomputations included)
 *   isFinal(n+1, u_n+1, m)                         online runs only, once per step of the first sweep
 *   adjoint(n, u_n, λ_n+1, λ_n, m, gradient)       for n = l-1, l-2, ..., 0, once each
 * </pre>
 *
 * <p>Ghost cells are derived data: a step may overwrite the ghost cells of its inputs (by a halo
 * exchange or boundary conditions) and reads only their owned cells as data. Snapshots hold owned
 * cells only, so the ghost cells of a restored state are stale until the step refreshes them.
 */
public interface TimeStepper {

    /**
     * The layout of the state u<sub>n</sub> (and of its adjoint λ<sub>n</sub>).
     *
     * @return the fields of one state, this rank's block; at least one field
     */
    FieldLayout stateLayout();

    /**
     * The layout of the controls m that {@link #forward} and {@link #adjoint} take.
     *
     * @return the control layout; the driver's controls and gradients have exactly this layout
     */
    ControlLayout controlLayout();

    /**
     * Called once before the first step taken with {@code controls}, and again whenever the controls
     * change. May fill the ghost cells of control fields and cache values derived from the controls.
     *
     * @param controls owned cells not modified; ghost cells may be filled
     */
    default void prepare(Controls controls) {
    }

    /**
     * Computes u<sub>n+1</sub> = F<sub>n</sub>(u<sub>n</sub>, m).
     *
     * @param n        step index, {@code 0 <= n < l}
     * @param in       u<sub>n</sub>: owned cells read, not modified; ghost cells may be overwritten
     * @param out      u<sub>n+1</sub>: owned cells written (ghost cells unspecified on return); never
     *                 the same object as {@code in}
     * @param controls m: read, not modified
     */
    void forward(int n, Fields in, Fields out, Controls controls);

    /**
     * Computes λ<sub>n</sub> = (∂F<sub>n</sub>/∂u)<sup>T</sup> λ<sub>n+1</sub> and adds
     * (∂F<sub>n</sub>/∂m)<sup>T</sup> λ<sub>n+1</sub> to the control gradient, linearised at
     * u<sub>n</sub>. Intermediate values of the step (stages, solver iterates) are recomputed from
     * {@code in}.
     *
     * @param n        step index
     * @param in       u<sub>n</sub>: owned cells read, not modified; ghost cells may be overwritten
     * @param adjOut   λ<sub>n+1</sub>, the adjoint of {@code out}: owned cells read, not modified;
     *                 ghost cells may be overwritten
     * @param adjIn    λ<sub>n</sub>, the adjoint of {@code in}: owned cells written (overwritten, not
     *                 accumulated); ghost cells unspecified on return
     * @param controls m: read, not modified
     * @param gradient accumulated into: this rank's contribution is added to every control field's
     *                 owned cells and to every scalar (the driver sums scalars over ranks once, at the end)
     */
    void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient);

    /**
     * For runs whose length is not known in advance (an {@link AdjointDriver} with an online
     * schedule): whether u<sub>n</sub>, just computed, is the final state, e.g. because the simulated
     * time reached its end or a convergence criterion holds. Called once per step of the first forward
     * sweep; must give the same answer on every rank (reduce a local criterion first). Fixed-length runs
     * never call it.
     *
     * @param n        index of {@code state}, at least 1 (u<sub>0</sub> is never asked about)
     * @param state    u<sub>n</sub>: read, not modified
     * @param controls m: read, not modified
     * @return true if u<sub>n</sub> is the final state, so that the run has {@code l = n} steps; the
     *         same on every rank
     */
    default boolean isFinal(int n, Fields state, Controls controls) {
        return false;
    }
}
