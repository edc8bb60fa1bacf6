package dev.gradproof.properties.generators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Constrains the rank of a generated {@code Shape} or {@code Tensor}: {@code @ForAll @Rank(min = 2, max = 2) Tensor m}. */
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Rank {

    /** The least rank. */
    int min() default 0;

    /** The largest rank. */
    int max() default 4;
}
