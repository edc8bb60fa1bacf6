package dev.gradproof.autograd.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A consumer that does not add {@code jdk.incubator.vector} gets the scalar kernel and right
 * products: a fresh JVM without the module (these tests themselves run with it) multiplies a
 * product large enough for the blocked and parallel paths and prints what it used.
 */
class ScalarFallbackTest {

    @Test
    void aJvmWithoutTheVectorModuleUsesTheScalarKernel() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("scalar 4x4 " + Probe.expected());
    }

    /** Run in the child JVM: the kernel's name and a checksum of an exactly computable product. */
    public static final class Probe {

        private static final int N = 150;

        public static void main(String[] args) {
            double[] a = new double[N * N];
            double[] b = new double[N * N];
            for (int i = 0; i < a.length; i++) {
                a[i] = i % 7 - 3;
                b[i] = i % 5 - 2;
            }
            double[] out = new double[N * N];
            MatMulKernel.matmul(a, b, out, N, N, N);
            System.out.println(MatMulKernel.kernelName() + " " + Arrays.hashCode(out));
        }

        /** The checksum of the same product by the triple loop (exact: small integers). */
        static int expected() {
            double[] out = new double[N * N];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    double sum = 0;
                    for (int p = 0; p < N; p++) {
                        sum += (double) ((i * N + p) % 7 - 3) * ((p * N + j) % 5 - 2);
                    }
                    out[i * N + j] = sum;
                }
            }
            return Arrays.hashCode(out);
        }
    }
}
