package dev.gradproof.gradcheck.engine;

import java.util.concurrent.atomic.AtomicLong;

/** How many forward and backward passes a check made. */
final class Counters {
    final AtomicLong forward = new AtomicLong();
    final AtomicLong backward = new AtomicLong();
}
