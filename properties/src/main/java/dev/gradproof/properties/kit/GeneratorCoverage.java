package dev.gradproof.properties.kit;

import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule that measures the kit's generators (the share of generated graphs and networks in
 * which each declared op occurs), not the engine. Such a rule needs its full number of random
 * tries to be meaningful: with {@code -D}{@value GeneratorCoverageHook#PROPERTY}{@code =false} it is
 * skipped and recorded as skipped ({@link GeneratorCoverageHook}), for runs that cut the tries,
 * such as the mutation profile's minions, where a share falling short by chance would count as
 * detecting a mutant.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(GeneratorCoverageHook.class)
public @interface GeneratorCoverage {
}
