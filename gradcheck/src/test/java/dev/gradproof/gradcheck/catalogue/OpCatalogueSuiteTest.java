package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckKind;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The op catalogue's suite: FULL gradcheck and gradgradcheck of every sample of every op, each
 * result recorded for the report (tagged with the op). Every element passes or is a KINK named
 * after one of the op's kinks; no FAIL, no finding. The seed is {@code -Dgradproof.seed} (default 42).
 */
class OpCatalogueSuiteTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    private static final Set<String> OPS = new TreeSet<>();
    private static final AtomicLong SAMPLES = new AtomicLong();
    private static final AtomicLong CHECKS = new AtomicLong();
    private static final AtomicLong FIRST_ORDER_ELEMENTS = new AtomicLong();
    private static final AtomicLong SECOND_ORDER_ELEMENTS = new AtomicLong();
    private static final AtomicLong KINKS = new AtomicLong();
    private static final AtomicLong TRICKY_KINKS = new AtomicLong();
    private static final AtomicLong FAILED_CHECKS = new AtomicLong();

    static Stream<Arguments> samples() {
        return OpCatalogue.specs().stream()
                .flatMap(spec -> spec.samples(SEED).stream().map(sample -> Arguments.of(sample.label(), spec, sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyElementPassesOrIsAKinkOfTheOp(String label, OpSpec spec, OpSample sample) {
        verify(spec, sample, sample.gradCheck().mode(Mode.FULL).check());
        sample.gradGradCheck().ifPresent(second -> verify(spec, sample, second.mode(Mode.FULL).check()));
        assertThat(sample.gradGradCheck().isPresent()).as("second order of " + label).isEqualTo(spec.secondOrder());
        synchronized (OPS) {
            OPS.add(spec.name());
        }
        SAMPLES.incrementAndGet();
    }

    private static void verify(OpSpec spec, OpSample sample, GradCheckResult result) {
        String where = result.kind() + " of \"" + sample.label() + "\" (seed " + SEED + ")";
        CHECKS.incrementAndGet();
        if (result.verdict() == dev.gradproof.gradcheck.model.CheckVerdict.FAILED) {
            FAILED_CHECKS.incrementAndGet();
        }
        assertThat(result.op()).isEqualTo(spec.name());
        assertThat(result.mode()).isEqualTo(Mode.FULL);
        boolean allKinks = result.statistics().checked() > 0
                && result.statistics().kinks() == result.statistics().checked();
        if (allKinks) {
            // a sample on the kink itself (relu at 0, a tie): nothing is compared, so no PASS is claimed
            assertThat(result.verdict()).as(where + " is inconclusive:%n%s", result.failureMessage())
                    .isEqualTo(dev.gradproof.gradcheck.model.CheckVerdict.INCONCLUSIVE);
        } else {
            assertThat(result.passed()).as(where + " passes:%n%s", result.failureMessage()).isTrue();
        }
        boolean emptyOutput = result.outputShape().contains(0);
        long elements = 0;
        for (InputResult input : result.inputs()) {
            assertThat(input.verdicts()).as(where + ", verdicts of " + input.name()).doesNotContain("F");
            if (!input.excluded()) {
                assertThat(input.elementsChecked()).as(where + ", FULL checks every element of " + input.name()
                        + " (none when the output is empty)").isEqualTo(emptyOutput ? 0 : input.elements());
            }
            elements += input.elementsChecked();
            for (ElementRecord r : input.records()) {
                if (r.verdict() == Verdict.KINK) {
                    assertThat(r.kinkOp()).as(where + ", the kink at " + input.name() + r.index())
                            .isIn(spec.kinkOps());
                    KINKS.incrementAndGet();
                    if (sample.tricky()) {
                        TRICKY_KINKS.incrementAndGet();
                    }
                }
            }
        }
        (result.kind() == CheckKind.GRADCHECK ? FIRST_ORDER_ELEMENTS : SECOND_ORDER_ELEMENTS).addAndGet(elements);
    }

    @AfterAll
    static void printWhatWasChecked() {
        System.out.printf(Locale.ROOT, "op catalogue (seed %d): %d ops, %d samples, %d checks, %d elements"
                        + " (%d first order, %d second order), %d KINK (%d in tricky samples), %d failed checks%n",
                SEED, OPS.size(), SAMPLES.get(), CHECKS.get(), FIRST_ORDER_ELEMENTS.get() + SECOND_ORDER_ELEMENTS.get(),
                FIRST_ORDER_ELEMENTS.get(), SECOND_ORDER_ELEMENTS.get(), KINKS.get(), TRICKY_KINKS.get(),
                FAILED_CHECKS.get());
    }
}
