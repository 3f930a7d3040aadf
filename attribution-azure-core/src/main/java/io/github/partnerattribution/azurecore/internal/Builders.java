package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpPipeline;
import java.lang.reflect.Field;

/** What a client builder holds, read by reflection where the builder offers no getter. Not API. */
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
}
