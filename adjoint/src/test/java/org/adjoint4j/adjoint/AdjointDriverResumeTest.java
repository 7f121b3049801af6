package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A computation interrupted at a chosen point (here by an exception; a killed process is tested end to
 * end elsewhere) resumes from its journal and disk snapshots and gives the uninterrupted result, bit
 * for bit.
 */
class AdjointDriverResumeTest {

    private static final int L = 200;
    private static final String IDENTITY = "test-run-1";

    @TempDir
    Path dir;

    /** x_{n+1} = a·x_n + b on a small grid of cells with different starts, so states differ per step. */
    static final class Interrupting implements TimeStepper {
        static final FieldLayout STATE = FieldLayout.of(FieldSpec.of("x", 4, 3, 1));
        static final ControlLayout CONTROLS = new ControlLayout(new FieldLayout(List.of()), List.of("a", "b"));
        final int stopAtForwardCall;
        final int stopAtAdjointStep;
        int forwardCalls;

        Interrupting(int stopAtForwardCall, int stopAtAdjointStep) {
            this.stopAtForwardCall = stopAtForwardCall;
            this.stopAtAdjointStep = stopAtAdjointStep;
        }

        @Override
        public FieldLayout stateLayout() {
            return STATE;
        }

        @Override
        public ControlLayout controlLayout() {
            return CONTROLS;
        }

        @Override
        public void forward(int n, Fields in, Fields out, Controls m) {
            if (++forwardCalls == stopAtForwardCall) {
                throw new IllegalStateException("interrupted at forward call " + forwardCalls);
            }
            double a = m.scalars()[0];
            double b = m.scalars()[1];
            double[] x = in.get(0);
            double[] y = out.get(0);
            for (int k = 0; k < x.length; k++) {
                y[k] = a * x[k] + b * Math.sin(0.01 * n);
            }
        }

        @Override
        public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls g) {
            if (n == stopAtAdjointStep) {
                throw new IllegalStateException("interrupted at adjoint step " + n);
            }
            double a = m.scalars()[0];
            double[] x = in.get(0);
            double[] l = adjOut.get(0);
            double[] r = adjIn.get(0);
            for (int k = 0; k < x.length; k++) {
                r[k] = a * l[k];
                g.scalars()[0] += x[k] * l[k];
                g.scalars()[1] += Math.sin(0.01 * n) * l[k];
            }
        }
    }

    private static Fields initial() {
        Fields u = new Fields(Interrupting.STATE);
        double[] x = new double[12];
        for (int k = 0; k < 12; k++) {
            x[k] = 0.1 * (k + 1);
        }
        u.setOwned(0, x);
        return u;
    }

    private static Controls controls() {
        Controls m = new Controls(Interrupting.CONTROLS);
        m.scalars()[0] = 0.995;
        m.scalars()[1] = 0.02;
        return m;
    }

    private static Schedule schedule() {
        return MultiLevelSchedule.builder().steps(L).memorySlots(3).diskSlots(4).writeCost(2).readCost(2).build();
    }

    private Hdf5SnapshotStore disk(boolean resume, String identity) {
        return Hdf5SnapshotStore.builder().directory(dir.resolve("snapshots")).layout(Interrupting.STATE.snapshotLayout())
                .rank(0).capacity(schedule().slots(Tier.DISK)).runIdentity(identity).resume(resume).build();
    }

    private AdjointDriver driver(TimeStepper stepper, Hdf5SnapshotStore disk, boolean resume, String identity) {
        return AdjointDriver.builder().stepper(stepper).initialState(InitialState.fixed(initial()))
                .objective(FieldMisfit.builder("x", 0.5).at(50, null).terminal(null).build()).schedule(schedule())
                .store(disk).journal(dir.resolve("journal"), identity, Duration.ZERO).resume(resume).build();
    }

    private GradientResult uninterrupted() {
        Hdf5SnapshotStore d = Hdf5SnapshotStore.builder().directory(dir.resolve("reference"))
                .layout(Interrupting.STATE.snapshotLayout()).rank(0).capacity(schedule().slots(Tier.DISK))
                .runIdentity("reference").build();
        try (d) {
            return AdjointDriver.builder().stepper(new Interrupting(-1, -1)).initialState(InitialState.fixed(initial()))
                    .objective(FieldMisfit.builder("x", 0.5).at(50, null).terminal(null).build()).schedule(schedule())
                    .store(d).build().gradient(controls());
        }
    }

    /** Runs until the interruption, leaving journal and durable snapshots as a killed process would. */
    private void interrupt(int forwardCall, int adjointStep) {
        Hdf5SnapshotStore d = disk(false, IDENTITY);
        AdjointDriver first = driver(new Interrupting(forwardCall, adjointStep), d, false, IDENTITY);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.gradient(controls()));
        assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
        d.flush(); // what had reached the disk when the process died; the store is then abandoned, not closed
    }

    @ParameterizedTest(name = "interrupted at forward call {0}, adjoint step {1}")
    @CsvSource({"120,-1", "-1,150", "-1,37", "-1,1"})
    void aResumedComputationGivesTheUninterruptedResultBitForBit(int forwardCall, int adjointStep) {
        interrupt(forwardCall, adjointStep);
        assertTrue(Files.exists(dir.resolve("journal/journal-rank-00000-a.bin")), "a durable point was written");
        GradientResult reference = uninterrupted();
        try (Hdf5SnapshotStore d = disk(true, IDENTITY)) {
            GradientResult resumed = driver(new Interrupting(-1, -1), d, true, IDENTITY).gradient(controls());
            assertEquals(reference.value(), resumed.value());
            assertArrayEquals(reference.gradient().scalars(), resumed.gradient().scalars());
            assertArrayEquals(reference.initialStateGradient().owned(0), resumed.initialStateGradient().owned(0));
            assertArrayEquals(reference.finalState().owned(0), resumed.finalState().owned(0));
            assertTrue(Files.notExists(dir.resolve("journal/journal-rank-00000-a.bin")), "a completed run leaves no journal");
        }
    }

    @Test
    void aDamagedLatestJournalFallsBackToTheOlderGeneration() throws IOException {
        interrupt(-1, 60);
        Path a = dir.resolve("journal/journal-rank-00000-a.bin");
        Path b = dir.resolve("journal/journal-rank-00000-b.bin");
        Path newer = Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) >= 0 ? a : b;
        try (RandomAccessFile f = new RandomAccessFile(newer.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(f.read() ^ 0x40);
        }
        GradientResult reference = uninterrupted();
        try (Hdf5SnapshotStore d = disk(true, IDENTITY)) {
            GradientResult resumed = driver(new Interrupting(-1, -1), d, true, IDENTITY).gradient(controls());
            assertArrayEquals(reference.gradient().scalars(), resumed.gradient().scalars());
        }
    }

    @Test
    void aJournalOfAnotherRunIsRefusedNamingTheFile() {
        interrupt(-1, 100);
        // the disk store would refuse too; keep it compatible to reach the journal's own check
        try (Hdf5SnapshotStore d = disk(true, IDENTITY)) {
            AdjointDriver other = driver(new Interrupting(-1, -1), d, true, "another-configuration");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.gradient(controls()));
            assertTrue(e.getMessage().contains("belongs to another run (identity test-run-1, this run another-configuration)"),
                    e.getMessage());
        }
    }

    @Test
    void withoutAJournalAResumeStartsFromTheBeginning() {
        GradientResult reference = uninterrupted();
        try (Hdf5SnapshotStore d = disk(true, IDENTITY)) {
            GradientResult r = driver(new Interrupting(-1, -1), d, true, IDENTITY).gradient(controls());
            assertArrayEquals(reference.gradient().scalars(), r.gradient().scalars());
        }
    }

    @Test
    void aJournalNeedsAFixedLengthSchedule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdjointDriver.builder()
                .stepper(new Interrupting(-1, -1)).initialState(InitialState.fixed(initial()))
                .objective(FieldMisfit.builder("x", 1).terminal(null).build())
                .onlineSchedule(org.adjoint4j.checkpoint.schedule.DynamicSchedule.of(3), 100)
                .journal(dir, IDENTITY, Duration.ZERO).build());
        assertTrue(e.getMessage().contains("online runs cannot resume"), e.getMessage());
    }
}
