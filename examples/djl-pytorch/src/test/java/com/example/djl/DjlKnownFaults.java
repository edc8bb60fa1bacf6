package com.example.djl;

import dev.gradproof.properties.engine.KnownFault;

import java.util.List;

/** The faults gradproof found in DJL 0.36.0 with PyTorch 2.7.1, each confirmed by a second method (README.md). */
final class DjlKnownFaults {

    /** Every fault found, declared by {@link DjlAdapter}. */
    static final List<KnownFault> ALL = List.of();

    private DjlKnownFaults() {
    }
}
