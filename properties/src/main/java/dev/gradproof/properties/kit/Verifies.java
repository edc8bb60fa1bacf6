package dev.gradproof.properties.kit;

import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link Rule} a property of the contract kit verifies. Its hook ({@link KitRunHook}) names the
 * rule in every failure and skip, counts the tries the engine declined or that met a known fault,
 * tells "the engine threw" from a wrong result, and records the outcome for the report.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(KitRunHook.class)
public @interface Verifies {

    /** The rule. */
    Rule value();
}
