package dev.gradproof.properties.generators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Constrains the values of a generated {@code Tensor}: {@code @ForAll @ValueRange(min = 0.5, max = 2) Tensor t}. */
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValueRange {

    /** The least value. */
    double min();

    /** The largest value. */
    double max();
}
