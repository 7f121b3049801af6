package org.adjoint4j.examples.cli.plot;

/**
 * A diverging colour map for signed data centred at zero: dark blue for −1 through near-white at 0
 * to dark red for +1. The eleven control colours are ColorBrewer's "RdBu" scheme (Cynthia Brewer,
 * colorbrewer2.org), reversed so that negative is blue; colours between them are interpolated
 * linearly in RGB.
 */
public final class DivergingColourMap {

    private static final int[] CONTROL = {
        0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f,
    };

    private DivergingColourMap() {
    }

    /**
     * The colour of {@code t} as 0xRRGGBB; values below −1 or above +1 take the end colours and NaN
     * takes the centre colour.
     *
     * @param t the value scaled to [−1, 1], e.g. divided by the largest magnitude of the data
     * @return the colour as 0xRRGGBB (the top byte is 0)
     */
    public static int rgb(double t) {
        if (Double.isNaN(t)) {
            return CONTROL[CONTROL.length / 2];
        }
        double x = (Math.max(-1.0, Math.min(1.0, t)) + 1.0) / 2.0 * (CONTROL.length - 1);
        int k = Math.min((int) x, CONTROL.length - 2);
        double w = x - k;
        int a = CONTROL[k];
        int b = CONTROL[k + 1];
        return mix(a >> 16, b >> 16, w) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, w) << 8 | mix(a & 0xff, b & 0xff, w);
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
    }
}
