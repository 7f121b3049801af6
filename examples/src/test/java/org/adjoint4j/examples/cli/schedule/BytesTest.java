package org.adjoint4j.examples.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void usesTheLargestBinaryUnitThatKeepsTheNumberAtLeastOne() {
        assertEquals("1023 B", Bytes.format(1023));
        assertEquals("1.0 KiB", Bytes.format(1024));
        assertEquals("1.5 MiB", Bytes.format(3L << 19));
        assertEquals("8.0 EiB", Bytes.format(Long.MAX_VALUE));
    }
}
