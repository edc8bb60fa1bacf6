package dev.gradproof.properties.generators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps every value of a generated {@code Tensor} at least {@link #margin()} away from 0, where
 * ReLU, Leaky ReLU, ELU and abs have their kinks (by construction, not by filtering).
 */
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AwayFromKinks {

    /** The least distance from 0. */
    double margin() default 0.1;
}
