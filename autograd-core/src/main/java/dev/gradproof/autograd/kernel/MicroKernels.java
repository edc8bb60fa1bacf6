package dev.gradproof.autograd.kernel;

import java.util.logging.Logger;

/**
 * Chooses the register tile once, at class initialisation, as Apache Lucene chooses its
 * vectorization provider: the SIMD kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} and the preferred vector holds at least four
 * doubles, the portable scalar kernel otherwise. Consumers who never add the module lose speed,
 * never correctness.
 */
final class MicroKernels {

    /** The module that holds the Vector API, incubating since JDK 16. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final MicroKernel SELECTED = select(ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());

    private MicroKernels() {
    }

    /** The kernel chosen for this JVM. */
    static MicroKernel selected() {
        return SELECTED;
    }

    /**
     * The kernel for a JVM that has ({@code vectorModulePresent}) or lacks the Vector API: the
     * vector kernel is loaded only in the first case, so the scalar one needs no incubator class.
     */
    static MicroKernel select(boolean vectorModulePresent) {
        if (!vectorModulePresent) {
            return ScalarMicroKernel.INSTANCE;
        }
        try {
            if (VectorMicroKernel.lanes() >= 4) {
                return VectorMicroKernel.INSTANCE;
            }
        } catch (LinkageError e) {
            Logger.getLogger(MicroKernels.class.getName())
                    .warning("Vector API present but unusable (" + e + "); using the scalar matmul kernel");
        }
        return ScalarMicroKernel.INSTANCE;
    }
}
