package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.Snapshottable;

/** A state of plain arrays, one per field, with distinct values per seed and some special values. */
final class TestFields implements Snapshottable {

    /** Two fields of different, non-square shapes, so that a mixed-up order or shape shows. */
    static final SnapshotLayout LAYOUT = new SnapshotLayout(List.of(new SnapshotField("h", 3, 2),
            new SnapshotField("uv", 5, 4)));

    /** Values whose bits a careless copy could change: a NaN with payload, -0, a subnormal, infinities. */
    static final double[] SPECIAL = {Double.longBitsToDouble(0x7ff8_0000_0000_0123L), -0.0, Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    final SnapshotLayout layout;
    final double[][] values;

    TestFields(SnapshotLayout layout) {
        this.layout = layout;
        values = new double[layout.fields().size()][];
        for (int f = 0; f < values.length; f++) {
            values[f] = new double[layout.fields().get(f).length()];
        }
    }

    /** Fields of {@link #LAYOUT} filled for {@code seed}. */
    static TestFields filled(int seed) {
        return new TestFields(LAYOUT).fill(seed);
    }

    /** Sets every value from {@code seed}; the last field starts with the special values. */
    TestFields fill(int seed) {
        for (int f = 0; f < values.length; f++) {
            for (int i = 0; i < values[f].length; i++) {
                values[f][i] = seed * 1e6 + f * 1e3 + i + 1.0 / 3;
            }
        }
        double[] last = values[values.length - 1];
        for (int i = 0; i < Math.min(SPECIAL.length, last.length); i++) {
            last[i] = SPECIAL[i];
        }
        return this;
    }

    /** Fails unless every value has the same bits as in {@code expected}, naming field and cell. */
    void assertSameBits(TestFields expected, String context) {
        for (int f = 0; f < values.length; f++) {
            SnapshotField field = layout.fields().get(f);
            for (int i = 0; i < values[f].length; i++) {
                int cell = i;
                assertEquals(Double.doubleToRawLongBits(expected.values[f][i]), Double.doubleToRawLongBits(values[f][i]),
                        () -> context + ": field '" + field.name() + "' cell (" + cell % field.nx() + ", "
                                + cell / field.nx() + ")");
            }
        }
    }

    @Override
    public SnapshotLayout snapshotLayout() {
        return layout;
    }

    @Override
    public void pack(int field, double[] destination) {
        System.arraycopy(values[field], 0, destination, 0, values[field].length);
    }

    @Override
    public void unpack(int field, double[] source) {
        System.arraycopy(source, 0, values[field], 0, values[field].length);
    }
}
