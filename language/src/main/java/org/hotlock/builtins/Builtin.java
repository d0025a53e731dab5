package org.hotlock.builtins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and documents a builtin node class; its domain lists it for the {@link BuiltinRegistry}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Builtin {
    /** The guest name. */
    String name();

    /** True when the builtin takes any number of arguments (its single child receives them all). */
    boolean variadic() default false;

    /** One line for {@code /help} and completion. */
    String doc() default "";
}
