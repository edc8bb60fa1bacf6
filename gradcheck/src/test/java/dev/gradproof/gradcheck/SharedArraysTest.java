package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.function.AutogradFunction;
import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker hands the point it checks to autograd-core functions without copying it; a function
 * must still never see a value it was not given.
 */
class SharedArraysTest {

    private static final double[] X = {0.3, -1.2, 0.8, 2.0};

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFunctionThatKeepsItsFirstInputReadsTheSameValuesInEveryLaterCall(Mode mode) {
        AtomicReference<Variable> kept = new AtomicReference<>();
        List<double[]> read = Collections.synchronizedList(new ArrayList<>());
        GradCheckResult result = GradCheck.of(v -> {
            kept.compareAndSet(null, v.get(0));
            read.add(kept.get().value().toArray());
            return v.get(0).tanh().sum();
        }).input("x", Tensor.of(X, 4)).mode(mode).parallelism(1).check();

        assertThat(result).passes();
        assertThat(read).hasSizeGreaterThan(10);
        for (double[] values : read) {
            assertThat(values).containsExactly(X);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    void aFunctionThatWritesTheValuesItWasHandedFailsTheCheck(Mode mode) {
        GradCheckResult result = GradCheck.of(v -> {
            v.get(0).value().data()[0] += 1e-3;   // what a tensor must never do, and the public data() allows
            return v.get(0).tanh().sum();
        }).input("x", Tensor.of(X, 4)).mode(mode).parallelism(1).check();

        assertThat(result).fails().hasFinding(SanityCheck.INPUTS_NOT_MUTATED);
        assertThat(result.failureMessage()).contains("x");
    }

    @Test
    void theInputsValuesAreReadInPlaceAndLeftAsTheyWere() {
        Input x = Input.vector("x", X);
        GradCheckResult result = GradCheck.of(v -> v.get(0).tanh().sum()).input(x).mode(Mode.FAST).check();

        assertThat(result).passes();
        assertThat(x.valuesView()).containsExactly(X);
    }

    @Test
    void anAutogradFunctionWrapsTheArraysHandedOverAndCopiesOthers() {
        double[] handed = X.clone();
        AutogradFunction function = new AutogradFunction(v -> v.get(0), List.of("x"), List.of(new int[] {4}));
        CheckedFunction sharing = function.sharingArrays().orElseThrow();

        double[] copied = function.evaluate(new double[][] {handed}, new boolean[] {true}).output();
        double[] wrapped = sharing.evaluate(new double[][] {handed}, new boolean[] {true}).output();

        assertThat(copied).containsExactly(X);
        assertThat(wrapped).containsExactly(X);
        assertThat(sharing.sharingArrays()).containsSame(sharing);
    }
}
