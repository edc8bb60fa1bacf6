package dev.gradproof.gradcheck.recording;

import dev.gradproof.gradcheck.model.TestContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the test a check runs in by walking the call stack ({@link StackWalker}) for a method
 * carrying a test annotation, recognised by name so that gradcheck needs no compile dependency on
 * JUnit or jqwik: JUnit Jupiter's {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest},
 * {@code @TestFactory}, {@code @TestTemplate}, jqwik's {@code @Property} and {@code @Example}, and
 * annotations meta-annotated with one of them. A test method or class tagged
 * {@value TestContext#EXPECTED_FAILURE_TAG} (JUnit's or jqwik's {@code @Tag}, directly or inside
 * {@code @Tags}) marks its checks as expected to fail.
 */
public final class TestContexts {

    private static final Map<String, String> ENGINES = Map.of(
            "org.junit.jupiter.api.Test", "junit-jupiter",
            "org.junit.jupiter.params.ParameterizedTest", "junit-jupiter",
            "org.junit.jupiter.api.RepeatedTest", "junit-jupiter",
            "org.junit.jupiter.api.TestFactory", "junit-jupiter",
            "org.junit.jupiter.api.TestTemplate", "junit-jupiter",
            "net.jqwik.api.Property", "jqwik",
            "net.jqwik.api.Example", "jqwik");

    private static final java.util.Set<String> TAGS = java.util.Set.of("org.junit.jupiter.api.Tag", "net.jqwik.api.Tag");
    private static final java.util.Set<String> TAG_CONTAINERS = java.util.Set.of("org.junit.jupiter.api.Tags",
            "net.jqwik.api.Tags");

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private TestContexts() {
    }

    /** The innermost test method on the current thread's stack, if any. */
    public static Optional<TestContext> current() {
        return WALKER.walk(frames -> frames.map(TestContexts::contextOf)
                .filter(java.util.Objects::nonNull).findFirst());
    }

    private static TestContext contextOf(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        String name = frame.getMethodName();
        if (name.startsWith("lambda$") || type.getName().startsWith("java.")) {
            return null;
        }
        Method method;
        try {
            method = type.getDeclaredMethod(name, frame.getMethodType().parameterArray());
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
        for (Annotation a : method.getAnnotations()) {
            String engine = engineOf(a);
            if (engine != null) {
                return new TestContext(type.getName(), name, engine, a.annotationType().getSimpleName(),
                        expectedToFail(type, method));
            }
        }
        return null;
    }

    /**
     * Whether a test's checks are expected to fail: the method, its class or a class enclosing it is
     * tagged {@value TestContext#EXPECTED_FAILURE_TAG}.
     */
    public static boolean expectedToFail(Class<?> type, Method method) {
        if (method != null && taggedExpectedFailure(method.getAnnotations())) {
            return true;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (taggedExpectedFailure(c.getAnnotations())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the annotations hold {@code @Tag("expected-failure")}, directly or in {@code @Tags}. */
    static boolean taggedExpectedFailure(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String type = a.annotationType().getName();
            if (TAGS.contains(type) && TestContext.EXPECTED_FAILURE_TAG.equals(value(a))) {
                return true;
            }
            if (TAG_CONTAINERS.contains(type) && value(a) instanceof Annotation[] inner && taggedExpectedFailure(inner)) {
                return true;
            }
        }
        return false;
    }

    /** The annotation's {@code value()}, or null. */
    private static Object value(Annotation a) {
        try {
            Method value = a.annotationType().getMethod("value");
            return value.invoke(a);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String engineOf(Annotation a) {
        String engine = ENGINES.get(a.annotationType().getName());
        if (engine != null) {
            return engine;
        }
        for (Annotation meta : a.annotationType().getAnnotations()) {
            String metaEngine = ENGINES.get(meta.annotationType().getName());
            if (metaEngine != null) {
                return metaEngine;
            }
        }
        return null;
    }
}
