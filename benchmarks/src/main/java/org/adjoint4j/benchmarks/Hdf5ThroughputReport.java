package org.adjoint4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;

/**
 * Throughput of the HDF5 disk tier against the raw disk, measured in one run on one directory:
 * durable writes (store until the file is forced and renamed) and restores of one snapshot, a raw
 * {@link FileChannel} write + force and read of the same bytes, the same raw write with the store's
 * commit protocol (temporary name, rename, directory forced), and {@code dd bs=1M conv=fsync}; then
 * the compression trade-off (file size, write and read speed) for a smooth and a noisy field.
 *
 * <p>Arguments: a directory on the disk to measure (node-local scratch; not a RAM file system),
 * optional snapshot sizes in MiB (default 8,64,512) and runs per figure (default 5). Figures are
 * medians; MB means 2<sup>20</sup> bytes. Reads are given twice: with the file in the page cache, and
 * after asking the kernel to drop it ({@code dd iflag=nocache}), which a virtual machine's host may
 * still serve from its own cache. Needs about three times the largest size in heap ({@code -Xmx3g}
 * for 512 MiB) and five times it on the disk.
 */
public final class Hdf5ThroughputReport {

    private static final int MIB = 1 << 20;
    private static final int NX = 1024;
    private static final int RAW_BUFFER_BYTES = 8 * MIB;
    private static final int COMPRESSION_MIB = 64;
    /** 0 is off: the uncompressed baseline. */
    private static final int[] DEFLATE_LEVELS = {0, 1, 6};
    private static final Pattern DD_RESULT = Pattern.compile("(\\d+) bytes .*copied, ([0-9.]+) s");

    private final Path directory;
    private final int runs;

    private Hdf5ThroughputReport(Path directory, int runs) {
        this.directory = directory;
        this.runs = runs;
    }

    /**
     * Runs every measurement and prints the tables to standard output. Without arguments prints the
     * usage and exits with status 1.
     *
     * @param args {@code DIRECTORY [sizesMiB [runs]]}, sizes as a comma-separated list such as
     *             {@code 8,64,512}; the files go into a temporary directory inside {@code DIRECTORY},
     *             removed at the end
     * @throws IOException          if a file cannot be written, read or removed, or {@code dd} fails
     * @throws InterruptedException if interrupted while waiting for {@code dd}
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: Hdf5ThroughputReport DIRECTORY [sizesMiB, default 8,64,512] [runs, default 5]");
            System.exit(1);
        }
        Path parent = Files.createDirectories(Path.of(args[0]));
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "8,64,512").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path directory = Files.createTempDirectory(parent, "hdf5-throughput-");
        try {
            new Hdf5ThroughputReport(directory, runs).report(sizes);
        } finally {
            try (Stream<Path> left = Files.walk(directory)) {
                for (Path p : (Iterable<Path>) left.sorted((a, b) -> b.compareTo(a))::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void report(int[] sizes) throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "HDF5 disk tier vs raw disk in %s (%s), java %s, median of %d runs, MB = 2^20 bytes%n",
                directory, Files.getFileStore(directory).type(), System.getProperty("java.version"), runs);
        System.out.printf(Locale.ROOT, "%-7s %-40s %10s %6s %10s %6s %10s %6s%n", "size", "what", "write MB/s", "/raw",
                "read MB/s", "/raw", "read MB/s", "/raw");
        System.out.printf(Locale.ROOT, "%-7s %-40s %10s %6s %10s %6s %10s %6s%n", "", "", "(durable)", "", "(cached)", "",
                "(dropped)", "");
        for (int mib : sizes) {
            double[] values = field(mib * (long) MIB / Double.BYTES, true);
            double[] back = new double[values.length];
            double[][] raw = new double[runs][];
            double[] committed = new double[runs];
            double[][] store = new double[runs][];
            double[] dd = new double[runs];
            // The variants take turns in every run, so that a change in the machine's load hits all of them.
            try (Hdf5SnapshotStore disk = open(values.length, 0)) {
                // One untimed round first: class loading, the JIT and the HDF5 library's start-up.
                rawFileChannel(values, back);
                rawCommitted(values);
                hdf5Store(disk, runs, values, back);
                for (int r = 0; r < runs; r++) {
                    raw[r] = rawFileChannel(values, back);
                    committed[r] = rawCommitted(values);
                    store[r] = hdf5Store(disk, r, values, back);
                    dd[r] = ddWrite(mib);
                }
            }
            String size = mib + " MB";
            Figures rawFigures = Figures.of(raw, 1);
            Figures storeFigures = Figures.of(store, 1);
            row(size, "raw FileChannel write+force, read", rawFigures, rawFigures);
            double committedMedian = median(committed);
            System.out.printf(Locale.ROOT, "%-7s %-40s %10.0f %6.2f%n", size, "raw + temp name, rename, dir force",
                    committedMedian, committedMedian / rawFigures.write);
            row(size, "Hdf5SnapshotStore store+flush, restore", storeFigures, rawFigures);
            double ddMedian = median(dd);
            System.out.printf(Locale.ROOT, "%-7s %-40s %10.0f %6.2f%n", size, "dd bs=1M conv=fsync", ddMedian,
                    ddMedian / rawFigures.write);
            System.out.printf(Locale.ROOT, "%-7s %-40s %10.1f ms%n", size, "store() returned after (the sweep's wait)",
                    storeFigures.returnMillis);
            System.out.printf(Locale.ROOT, "%-7s %-40s %10.2f%n", size, "store write / raw with the same commit",
                    storeFigures.write / committedMedian);
        }
        compression();
    }

    private void compression() throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%nCompression (shuffle + deflate), %d MB snapshots; MB/s of uncompressed values%n",
                COMPRESSION_MIB);
        System.out.printf(Locale.ROOT, "%-8s %-12s %10s %12s %12s%n", "data", "deflate", "ratio", "write MB/s",
                "read MB/s");
        for (boolean noisy : new boolean[] {false, true}) {
            double[] values = field(COMPRESSION_MIB * (long) MIB / Double.BYTES, noisy);
            double[] back = new double[values.length];
            for (int level : DEFLATE_LEVELS) {
                double[][] samples = new double[runs][];
                long fileBytes;
                try (Hdf5SnapshotStore disk = open(values.length, level)) {
                    hdf5Store(disk, runs, values, back);
                    for (int r = 0; r < runs; r++) {
                        samples[r] = hdf5Store(disk, r, values, back);
                    }
                    fileBytes = (long) samples[0][4];
                }
                Figures f = Figures.of(samples, values.length * (double) Double.BYTES / fileBytes);
                System.out.printf(Locale.ROOT, "%-8s %-12s %10.2f %12.0f %12.0f%n", noisy ? "noisy" : "smooth",
                        level == 0 ? "off" : "level " + level, f.ratio, f.write, f.cachedRead);
            }
        }
    }

    private static void row(String size, String what, Figures f, Figures raw) {
        System.out.printf(Locale.ROOT, "%-7s %-40s %10.0f %6.2f %10.0f %6.2f %10.0f %6.2f%n", size, what, f.write,
                f.write / raw.write, f.cachedRead, f.cachedRead / raw.cachedRead, f.droppedRead,
                f.droppedRead / raw.droppedRead);
    }

    /** Medians of one variant, in MiB/s, and how much smaller its file is than the values. */
    private record Figures(double write, double cachedRead, double droppedRead, double returnMillis, double ratio) {

        /** From per-run samples {write, cached read, dropped read, return ms, ...}. */
        static Figures of(double[][] samples, double ratio) {
            return new Figures(median(column(samples, 0)), median(column(samples, 1)), median(column(samples, 2)),
                    median(column(samples, 3)), ratio);
        }

        private static double[] column(double[][] samples, int c) {
            double[] v = new double[samples.length];
            for (int r = 0; r < v.length; r++) {
                v[r] = samples[r][c];
            }
            return v;
        }
    }

    private Hdf5SnapshotStore open(int length, int deflateLevel) {
        SnapshotLayout layout = new SnapshotLayout(List.of(new SnapshotField("u", NX, length / NX)));
        return Hdf5SnapshotStore.builder().directory(directory.resolve("store")).layout(layout).capacity(1)
                .queueDepth(1).runIdentity("throughput").compression(deflateLevel).build();
    }

    /**
     * One durable store of {@code values} and two restores into {@code back}.
     *
     * @return {write MiB/s, cached read MiB/s, dropped read MiB/s, ms until store() returned, file bytes}
     */
    private static double[] hdf5Store(Hdf5SnapshotStore disk, int step, double[] values, double[] back)
            throws IOException, InterruptedException {
        State state = new State(disk.layout(), values);
        State target = new State(disk.layout(), back);
        double mib = values.length * (double) Double.BYTES / MIB;
        settle();
        long t0 = System.nanoTime();
        disk.store(0, step, state);
        long t1 = System.nanoTime();
        disk.flush();
        long t2 = System.nanoTime();
        disk.restore(0, step, target);
        long t3 = System.nanoTime();
        Path file = snapshotFile(disk.directory());
        long fileBytes = Files.size(file);
        dropFromPageCache(file);
        long t4 = System.nanoTime();
        disk.restore(0, step, target);
        long t5 = System.nanoTime();
        if (!Arrays.equals(values, target.values)) {
            throw new AssertionError("the restored snapshot differs from the stored one");
        }
        disk.discard(0, step);
        disk.flush();
        return new double[] {mib / ((t2 - t0) * 1e-9), mib / ((t3 - t2) * 1e-9), mib / ((t5 - t4) * 1e-9),
            (t1 - t0) * 1e-6, fileBytes};
    }

    /**
     * One write + force of {@code values} into a new file with an 8 MiB direct buffer, and two reads
     * into {@code back}.
     *
     * @return {write MiB/s, cached read MiB/s, dropped read MiB/s, 0}
     */
    private double[] rawFileChannel(double[] values, double[] back) throws IOException, InterruptedException {
        Path file = directory.resolve("raw.bin");
        ByteBuffer buffer = ByteBuffer.allocateDirect(RAW_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        DoubleBuffer doubles = buffer.asDoubleBuffer();
        double mib = values.length * (double) Double.BYTES / MIB;
        settle();
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeAll(ch, values, buffer, doubles);
            ch.force(true);
        }
        long t1 = System.nanoTime();
        readRaw(file, buffer, doubles, back);
        long t2 = System.nanoTime();
        dropFromPageCache(file);
        long t3 = System.nanoTime();
        readRaw(file, buffer, doubles, back);
        long t4 = System.nanoTime();
        if (!Arrays.equals(values, back)) {
            throw new AssertionError("the raw file read back differs");
        }
        Files.delete(file);
        return new double[] {mib / ((t1 - t0) * 1e-9), mib / ((t2 - t1) * 1e-9), mib / ((t4 - t3) * 1e-9), 0};
    }

    /**
     * One write of {@code values} with the store's commit protocol but no HDF5: a temporary file
     * written and forced, renamed atomically, the directory forced.
     *
     * @return write MiB/s
     */
    private double rawCommitted(double[] values) throws IOException, InterruptedException {
        Path temporary = directory.resolve("committed.bin.tmp");
        Path file = directory.resolve("committed.bin");
        ByteBuffer buffer = ByteBuffer.allocateDirect(RAW_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        DoubleBuffer doubles = buffer.asDoubleBuffer();
        settle();
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeAll(ch, values, buffer, doubles);
            ch.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        long t1 = System.nanoTime();
        Files.delete(file);
        return values.length * (double) Double.BYTES / MIB / ((t1 - t0) * 1e-9);
    }

    private static void writeAll(FileChannel ch, double[] values, ByteBuffer buffer, DoubleBuffer doubles)
            throws IOException {
        for (int offset = 0; offset < values.length;) {
            int n = Math.min(values.length - offset, doubles.capacity());
            doubles.clear();
            doubles.put(values, offset, n);
            buffer.clear().limit(n * Double.BYTES);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            offset += n;
        }
    }

    private static void readRaw(Path file, ByteBuffer buffer, DoubleBuffer doubles, double[] into) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int offset = 0; offset < into.length;) {
                buffer.clear();
                while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                    continue;
                }
                int n = buffer.position() / Double.BYTES;
                doubles.clear();
                doubles.get(into, offset, n);
                offset += n;
            }
        }
    }

    /** MiB/s of one {@code dd if=/dev/zero bs=1M conv=fsync} writing {@code mib} MiB into a new file. */
    private double ddWrite(int mib) throws IOException, InterruptedException {
        Path file = directory.resolve("dd.bin");
        settle();
        String out = run("dd", "if=/dev/zero", "of=" + file, "bs=1M", "count=" + mib, "conv=fsync");
        Matcher m = DD_RESULT.matcher(out);
        if (!m.find()) {
            throw new IOException("cannot read dd's result from: " + out);
        }
        Files.delete(file);
        return Long.parseLong(m.group(1)) / (double) MIB / Double.parseDouble(m.group(2));
    }

    /** Lets every write so far reach the disk, so that no timed write pays for an earlier one. */
    private static void settle() throws IOException, InterruptedException {
        run("sync");
    }

    /** Asks the kernel to drop the file's (clean) pages: {@code dd iflag=nocache count=0}. */
    private static void dropFromPageCache(Path file) throws IOException, InterruptedException {
        run("dd", "if=" + file, "iflag=nocache", "count=0");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static Path snapshotFile(Path storeDirectory) throws IOException {
        try (Stream<Path> files = Files.list(storeDirectory)) {
            List<Path> snapshots = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().startsWith("slot-")).forEach(snapshots::add);
            if (snapshots.size() != 1) {
                throw new IOException("expected one snapshot file in " + storeDirectory + ", found " + snapshots);
            }
            return snapshots.get(0);
        }
    }

    /**
     * A field like a model state: a smooth pattern over rows of {@link #NX} cells, plus, if
     * {@code noisy}, noise of relative size 10<sup>-3</sup> in every value (all mantissa bits used).
     */
    private static double[] field(long length, boolean noisy) {
        double[] v = new double[Math.toIntExact(length)];
        Random random = new Random(42);
        for (int k = 0; k < v.length; k++) {
            int i = k % NX;
            int j = k / NX;
            v[k] = Math.sin(2 * Math.PI * i / NX) * Math.cos(1e-3 * j) + (noisy ? 1e-3 * random.nextGaussian() : 0);
        }
        return v;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** One field backed by a plain array. */
    private static final class State implements Snapshottable {
        private final SnapshotLayout layout;
        private final double[] values;

        State(SnapshotLayout layout, double[] values) {
            this.layout = layout;
            this.values = values;
        }

        @Override
        public SnapshotLayout snapshotLayout() {
            return layout;
        }

        @Override
        public void pack(int field, double[] destination) {
            System.arraycopy(values, 0, destination, 0, values.length);
        }

        @Override
        public void unpack(int field, double[] source) {
            System.arraycopy(source, 0, values, 0, values.length);
        }
    }
}
