package io.github.partnerattribution.core.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calling a method found by reflection as if it were called directly. Not API. */
public final class Reflect {
    private Reflect() {
    }

    /**
     * Calls {@code method}: what it throws is thrown as it is, not wrapped in an {@code InvocationTargetException};
     * a method that cannot be called at all is an {@code IllegalStateException} naming it.
     *
     * @return what the method returned
     * @throws Exception what the method threw, checked or not
     */
    public static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw (Exception) cause;
        }
    }
}
