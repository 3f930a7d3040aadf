package io.github.partnerattribution.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipelineBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of azure-core's HttpPipelineBuilder, on the BOM's azure-core. What the rewritten builder does, with the
 * agent attached and not, is shown by the process tests ({@code AgentProcessIT}), on the floor and the newest.
 */
class RewriterTest {
    private static final Rewriter REWRITER = new Rewriter(bytes(RewriterTest.class.getClassLoader(),
            Rewriter.TEMPLATE + ".class"));

    @Test
    void theBuildersOwnBuildIsKeptPrivateAndANewPublicBuildCallsIt() throws Exception {
        Class<?> rewritten = define(REWRITER.rewrite(bytes(HttpPipelineBuilder.class.getClassLoader(),
                Rewriter.TARGET + ".class")));

        Method original = rewritten.getDeclaredMethod(Rewriter.ORIGINAL);
        assertTrue(Modifier.isPrivate(original.getModifiers()) && original.isSynthetic(), original.toString());
        assertTrue(Modifier.isPublic(rewritten.getDeclaredMethod("build").getModifiers()));
        // Nothing else is added: the builder's public methods are those it had.
        assertEquals(names(HttpPipelineBuilder.class.getMethods()), names(rewritten.getMethods()));
    }

    @Test
    void aClassWithoutTheFieldAndMethodIsRefusedNotGuessedAt() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> REWRITER.rewrite(bytes(RewriterTest.class.getClassLoader(),
                        RewriterTest.class.getName().replace('.', '/') + ".class")));
        assertEquals("HttpPipelineBuilder has no field pipelinePolicies of type List and no method build()",
                refused.getMessage());
    }

    @Test
    void aBuilderRewrittenOnceIsNotRewrittenAgain() {
        byte[] once = REWRITER.rewrite(bytes(HttpPipelineBuilder.class.getClassLoader(), Rewriter.TARGET + ".class"));
        assertThrows(IllegalStateException.class, () -> REWRITER.rewrite(once));
    }

    private static String names(Method[] methods) {
        return Arrays.stream(methods).map(m -> m.getName() + Arrays.toString(m.getParameterTypes())).sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Defines the rewritten builder in a loader of its own, over azure-core's, so both can be compared. */
    private static Class<?> define(byte[] bytes) throws ClassNotFoundException {
        String name = Rewriter.TARGET.replace('/', '.');
        ClassLoader loader = new ClassLoader(HttpPipelineBuilder.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(className)) {
                    if (className.equals(name)) {
                        Class<?> loaded = findLoadedClass(className);
                        return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                    }
                    return super.loadClass(className, resolve);
                }
            }
        };
        return loader.loadClass(name);
    }

    private static byte[] bytes(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
