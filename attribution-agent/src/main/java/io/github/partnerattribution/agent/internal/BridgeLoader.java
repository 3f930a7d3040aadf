package io.github.partnerattribution.agent.internal;

import java.util.function.Function;

/**
 * The agent's classes as one azure-core sees them: a child of the class loader that defined azure-core, which loads
 * the agent's and the library's classes itself (from the agent's jar, before asking its parent, so a service's own
 * copy of the library is never mixed in) and everything else (azure-core, Reactor, the JDK) from its parent. Nothing
 * the service loads can reach it by name. Not API.
 */
final class BridgeLoader extends ClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Function<String, byte[]> classes;

    BridgeLoader(ClassLoader azureCore, Function<String, byte[]> classes) {
        super(azureCore);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.startsWith("io.github.partnerattribution.")) {
                byte[] bytes = classes.apply(name);
                if (bytes != null) {
                    loaded = defineClass(name, bytes, 0, bytes.length, BridgeLoader.class.getProtectionDomain());
                }
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public String toString() {
        return "partner attribution agent's bridge over " + getParent();
    }
}
