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
    private static final Rewriter REWRITER = rewriter(Rewriter.PIPELINE_BUILDER);

    @Test
    void theBuildersOwnBuildIsKeptPrivateAndANewPublicBuildCallsIt() throws Exception {
        Class<?> rewritten = define(REWRITER.rewrite(bytes(HttpPipelineBuilder.class.getClassLoader(),
                Rewriter.PIPELINE_BUILDER.type + ".class")));

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
        assertEquals("HttpPipelineBuilder has no field pipelinePolicies Ljava/util/List;, no method"
                + " build()Lcom/azure/core/http/HttpPipeline;", refused.getMessage());
    }

    @Test
    void aBuilderRewrittenOnceIsNotRewrittenAgain() {
        byte[] once = REWRITER.rewrite(bytes(HttpPipelineBuilder.class.getClassLoader(), Rewriter.PIPELINE_BUILDER.type + ".class"));
        assertThrows(IllegalStateException.class, () -> REWRITER.rewrite(once));
    }

    @Test
    void theHttpClientsBuildersAreRewrittenTheSameWay() throws Exception {
        for (Rewriter.Target target : new Rewriter.Target[] {Rewriter.OKHTTP_BUILDER, Rewriter.JAVA_NET_HTTP_BUILDER,
            Rewriter.HTTP_CLIENT5_BUILDER, Rewriter.HTTP_ASYNC_CLIENT5_BUILDER}) {
            ClassLoader loader = target == Rewriter.JAVA_NET_HTTP_BUILDER ? ClassLoader.getPlatformClassLoader()
                    : RewriterTest.class.getClassLoader();
            byte[] rewritten = rewriter(target).rewrite(bytes(loader, target.type + ".class"));
            java.util.List<String> methods = new java.util.ArrayList<>();
            new org.objectweb.asm.ClassReader(rewritten).accept(new org.objectweb.asm.ClassVisitor(
                    org.objectweb.asm.Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                        String signature, String[] exceptions) {
                    if (name.equals("build") || name.equals(Rewriter.ORIGINAL)) {
                        methods.add(name + descriptor + ((access & org.objectweb.asm.Opcodes.ACC_PRIVATE) != 0
                                ? " private" : " public"));
                    }
                    return null;
                }
            }, 0);
            assertEquals(java.util.List.of("partnerAttribution$build" + target.buildType + " private",
                    "build" + target.buildType + " public"), methods, target.type);
        }
    }

    private static Rewriter rewriter(Rewriter.Target target) {
        return new Rewriter(target, bytes(RewriterTest.class.getClassLoader(), target.template + ".class"));
    }

    private static String names(Method[] methods) {
        return Arrays.stream(methods).map(m -> m.getName() + Arrays.toString(m.getParameterTypes())).sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    /** Defines the rewritten builder in a loader of its own, over azure-core's, so both can be compared. */
    private static Class<?> define(byte[] bytes) throws ClassNotFoundException {
        String name = Rewriter.PIPELINE_BUILDER.type.replace('/', '.');
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
