package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        for (Mode mode : Mode.values()) {
            GradCheckResult r = GradCheck.of(v -> v.get(0).sigmoid().sum()).input("x", Tensor.randn(1, 3, 4)).mode(mode).check();
            System.out.println(r.summary());
            System.out.println(r.failureMessage());
            GradCheckResult bad = GradCheck.scalar(in -> { double s = 0; for (double x : in[0]) s += 1/(1+Math.exp(-x)); return s; },
                in -> { double[] g = new double[in[0].length]; for (int k = 0; k < g.length; k++) { double s = 1/(1+Math.exp(-in[0][k])); g[k] = s*(1-s)*(1+1e-6);} return new double[][]{g}; })
                .input("x", Tensor.randn(2, 3, 4)).mode(mode).check();
            System.out.println(bad.failureMessage());
        }
        GradCheckResult relu = GradCheck.of(v -> v.get(0).relu().sum()).input("x", new double[]{0, 0.5e-6, -0.5e-6, 1.5e-6, 1}).check();
        System.out.println(relu.failureMessage());
        GradCheckResult reluF = GradCheck.scalar(in -> { double s = 0; for (double x : in[0]) s += Math.max(0, x); return s; },
            in -> { double[] g = new double[in[0].length]; for (int k = 0; k < g.length; k++) g[k] = in[0][k] > 0 ? 1 : 0; return new double[][]{g}; })
            .input("x", new double[]{0, 0.5e-6, -0.5e-6, 1.5e-6, 1}).check();
        System.out.println(reluF.failureMessage());
        GradCheckResult gg = GradCheck.gradgrad(v -> v.get(0).tanh().mul(v.get(1)).sum()).input("x", Tensor.randn(3, 3)).input("w", Tensor.randn(4, 3)).check();
        System.out.println(gg.failureMessage());
    }
}
