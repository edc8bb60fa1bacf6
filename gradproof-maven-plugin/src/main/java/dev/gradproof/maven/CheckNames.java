package dev.gradproof.maven;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.reports.collect.LoadedCheck;

/**
 * How the plugin names one recorded check in a message: its label, or else its op, or else the test
 * it ran in, or else its file; always followed by the module and the test so that it can be found.
 */
final class CheckNames {

    private CheckNames() {
    }

    /** {@code "sigmoid [5]" (module gradcheck, test SigmoidTest#sigmoid, file ...json)}. */
    static String of(LoadedCheck check) {
        GradCheckResult result = check.result();
        TestContext context = result.context();
        String test = context == null ? null : simpleName(context.testClass()) + "#" + context.testMethod();
        String name;
        if (result.label() != null && !result.label().isBlank()) {
            name = result.label();
        } else if (result.op() != null && !result.op().isBlank()) {
            name = result.op();
        } else if (test != null) {
            name = test;
        } else {
            name = String.valueOf(check.file().getFileName());
        }
        return "\"" + name + "\" (module " + check.module() + (test == null ? "" : ", test " + test)
                + ", file " + check.file() + ")";
    }

    private static String simpleName(String className) {
        return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
    }
}
