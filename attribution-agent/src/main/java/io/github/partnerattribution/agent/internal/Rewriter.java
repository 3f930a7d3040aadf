package io.github.partnerattribution.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Adds {@link BuildAdvice} to {@code HttpPipelineBuilder.build()}, with Byte Buddy (relocated inside the agent's jar).
 * The advice is read as bytes, never loaded: it names azure-core's types, which only the service's class loader
 * has. Not API.
 */
final class Rewriter {
    private static final String ADVICE = "io.github.partnerattribution.agent.internal.BuildAdvice";

    private final ClassFileLocator agentClasses;
    private final TypeDescription advice;

    Rewriter(ClassLoader agent) {
        this.agentClasses = ClassFileLocator.ForClassLoader.of(agent);
        this.advice = TypePool.Default.of(agentClasses).describe(ADVICE).resolve();
    }

    byte[] rewrite(String name, byte[] bytes, ClassLoader loader) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
                        : ClassFileLocator.ForClassLoader.of(loader));
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        return new ByteBuddy().redefine(type, locator)
                .visit(Advice.to(advice, agentClasses).on(named("build").and(takesArguments(0))))
                .make()
                .getBytes();
    }
}
