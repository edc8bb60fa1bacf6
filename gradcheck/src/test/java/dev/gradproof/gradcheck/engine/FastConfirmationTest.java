package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Band;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failing FAST direction is settled by the element-wise check. */
class FastConfirmationTest {

    private static Outcome outcome(int input, Verdict verdict, String failure) {
        ElementRecord r = new ElementRecord(List.of(0), 0, 1.0, 1e-6, 0.5, 0.5, 0.5, 1e-9, 1e-8, verdict,
                Band.of(0.5), verdict == Verdict.KINK ? "relu" : null, "direction 1", null, null, null);
        return new Outcome(input, r, 1, failure, false);
    }

    private static final Outcome FAILED_DIRECTION = outcome(-1, Verdict.FAIL, null);

    @Test
    void onlyAFailureOfTheValuesNeedsConfirmationNotASanityProblem() {
        assertThat(FastConfirmation.needed(List.of(FAILED_DIRECTION))).isTrue();
        assertThat(FastConfirmation.needed(List.of(outcome(-1, Verdict.FAIL, "the value is NaN")))).isFalse();
        assertThat(FastConfirmation.needed(List.of(outcome(-1, Verdict.PASS, null), outcome(-1, Verdict.KINK, null))))
                .isFalse();
    }

    @Test
    void aFailingElementConfirmsTheDirectionAndIsReportedBesideIt() {
        List<String> notes = new ArrayList<>();
        Outcome wrong = outcome(0, Verdict.FAIL, null);
        List<Outcome> resolved = FastConfirmation.resolve(List.of(FAILED_DIRECTION),
                List.of(outcome(0, Verdict.PASS, null), wrong), true, notes);
        assertThat(resolved).containsExactly(FAILED_DIRECTION, outcome(0, Verdict.PASS, null), wrong);
        assertThat(notes).singleElement().asString().contains("confirms it", "2 elements", "1 FAIL, 0 KINK");
    }

    @Test
    void elementsThatAllPassOrAreKinksTurnTheDirectionIntoAKink() {
        List<String> notes = new ArrayList<>();
        List<Outcome> resolved = FastConfirmation.resolve(List.of(FAILED_DIRECTION, outcome(-1, Verdict.PASS, null)),
                List.of(outcome(0, Verdict.PASS, null), outcome(0, Verdict.KINK, null)), true, notes);
        assertThat(resolved).hasSize(2);
        assertThat(resolved.get(0).record().verdict()).isEqualTo(Verdict.KINK);
        assertThat(resolved.get(0).record().kinkOp()).isEqualTo(FastConfirmation.SEVERAL_KINKS);
        assertThat(resolved.get(1).record().verdict()).isEqualTo(Verdict.PASS);
        assertThat(notes).singleElement().asString().contains("crossed several kinks");
    }

    @Test
    void aFailureNoElementNorKinkExplainsStands() {
        List<String> notes = new ArrayList<>();
        List<Outcome> resolved = FastConfirmation.resolve(List.of(FAILED_DIRECTION),
                List.of(outcome(0, Verdict.PASS, null)), true, notes);
        assertThat(resolved).containsExactly(FAILED_DIRECTION);
        assertThat(notes).singleElement().asString().contains("the failure stands");
    }

    @Test
    void aSampleOfElementsNeverTurnsAFailingDirectionIntoAKink() {
        // elements not in the sample may hold the error: only a complete check can explain a failure away
        List<String> notes = new ArrayList<>();
        List<Outcome> resolved = FastConfirmation.resolve(List.of(FAILED_DIRECTION),
                List.of(outcome(0, Verdict.PASS, null), outcome(0, Verdict.KINK, null)), false, notes);
        assertThat(resolved).containsExactly(FAILED_DIRECTION);
        assertThat(notes).singleElement().asString().contains("a sample of the elements does not explain it");
    }
}
