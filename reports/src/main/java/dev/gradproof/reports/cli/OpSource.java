package dev.gradproof.reports.cli;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Where the command's op checks come from: gradcheck's op catalogue, found through
 * {@link ServiceLoader} (so that the command works, with the network alone, where no catalogue is
 * on the classpath, and another engine's catalogue can be plugged in the same way).
 */
public interface OpSource {

    /** The op names, in the catalogue's order. */
    List<String> names();

    /** One line per op for {@code --list}: name, arity, domain, kinks, second order. */
    List<String> describe();

    /** The checks of one op's samples (first order, and second order where it applies). */
    List<PlannedCheck> plan(String op, long seed);

    /** The first source registered in {@code META-INF/services}, or one without ops. */
    static OpSource installed() {
        return ServiceLoader.load(OpSource.class).findFirst().orElse(NONE);
    }

    /** No ops. */
    OpSource NONE = new OpSource() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public List<String> describe() {
            return List.of("(no op catalogue on the classpath)");
        }

        @Override
        public List<PlannedCheck> plan(String op, long seed) {
            throw new IllegalArgumentException("no op catalogue on the classpath: no op " + op);
        }
    };
}
