package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an invariant of {@link AutogradContract} needs from the engine. A property whose needs the
 * engine does not declare is skipped before its first try, with the missing op or capability as
 * the reason ({@link RequirementsHook}): reported as skipped, never as passed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(RequirementsHook.class)
public @interface Requires {

    /** Ops the invariant applies. */
    String[] ops() default {};

    /** Optional adapter features the invariant uses. */
    Capability[] capabilities() default {};

    /** Whether the invariant runs generated networks (matmul, add and a loss, numpy broadcasting of the bias). */
    boolean networks() default false;

    /** The least tensor rank the invariant uses. */
    int minRank() default 0;

    /** Whether the invariant adds a bias [H] to a batch [N, H] (numpy broadcasting). */
    boolean numpyBroadcasting() default false;

    /** Whether the invariant needs float64 values (finite differences). */
    boolean float64() default false;
}
