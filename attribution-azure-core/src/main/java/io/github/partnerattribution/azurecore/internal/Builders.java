package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.core.support.Reflect;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** What a client builder or configuration holds and offers, read by reflection where it has no common type. Not API. */
public final class Builders {
    private Builders() {
    }

    /**
     * Whether a builder holds a complete {@link HttpPipeline} in one of its fields: azure-core builders ignore
     * added policies then. False when that cannot be read (a security manager or a module that does not open).
     */
    public static boolean holdsPipeline(Object builder) {
        for (Class<?> type = builder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!HttpPipeline.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    if (field.get(builder) != null) {
                        return true;
                    }
                } catch (RuntimeException | IllegalAccessException unreadable) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The public {@code withPolicy(HttpPipelinePolicy)} of an ARM configuration: the fluent managers'
     * {@code AzureConfigurable} and the generated managers' own {@code Configurable} both have one, and share no
     * type. Looked up on public types only (the fluent ones hide their implementation class), so that it can be
     * called from here.
     *
     * @return the method, or null when the object has none
     */
    public static Method withPolicy(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method found = publicWithPolicy(c);
            if (found != null) {
                return found;
            }
            for (Class<?> i : c.getInterfaces()) {
                found = withPolicy(i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method publicWithPolicy(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            Method m = c.getDeclaredMethod("withPolicy", HttpPipelinePolicy.class);
            return Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException none) {
            return null;
        }
    }

    /** Calls {@code withPolicy(policy)} on the configuration; what the method throws is thrown as it is. */
    public static void callWithPolicy(Method withPolicy, Object configurable, HttpPipelinePolicy policy) {
        try {
            Reflect.invoke(withPolicy, configurable, policy);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }
}
