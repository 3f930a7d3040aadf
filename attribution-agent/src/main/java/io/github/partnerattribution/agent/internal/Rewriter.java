package io.github.partnerattribution.agent.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives a client builder's {@code build()} method the one of a template class, with ASM (relocated inside the
 * agent's jar): the builder's own method is renamed {@value #ORIGINAL} and kept, private; the template's, which
 * calls it, takes its place, each reference to the template made to the builder. Nothing else changes. A builder
 * without the members the template uses is refused, never guessed at. Not API.
 */
final class Rewriter {
    static final String ORIGINAL = "partnerAttribution$build";

    /** What to rewrite: a class, its {@code build} method, its template and the members the template uses. */
    static final class Target {
        final String type;
        final String buildType;
        final String template;
        /** Name then descriptor, for each field and method of the builder that the template uses. */
        final String[] fields;
        final String[] methods;

        Target(String type, String buildType, String template, String[] fields, String[] methods) {
            this.type = type;
            this.buildType = buildType;
            this.template = template;
            this.fields = fields;
            this.methods = methods;
        }

        String simpleName() {
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    static final Target PIPELINE_BUILDER = new Target("com/azure/core/http/HttpPipelineBuilder",
            "()Lcom/azure/core/http/HttpPipeline;", "io/github/partnerattribution/agent/internal/BuildTemplate",
            new String[] {"pipelinePolicies", "Ljava/util/List;"}, new String[0]);
    static final Target OKHTTP_BUILDER = new Target("okhttp3/OkHttpClient$Builder", "()Lokhttp3/OkHttpClient;",
            "io/github/partnerattribution/agent/internal/OkHttpBuildTemplate", new String[0],
            new String[] {"interceptors", "()Ljava/util/List;"});
    static final Target JAVA_NET_HTTP_BUILDER = new Target("jdk/internal/net/http/HttpClientBuilderImpl",
            "()Ljava/net/http/HttpClient;", "io/github/partnerattribution/agent/internal/JavaNetHttpBuildTemplate",
            new String[0], new String[0]);

    /** OkHttp's client, for its no-argument constructor (see {@link #rewriteOkHttpClient}). */
    static final Target OKHTTP_CLIENT = new Target("okhttp3/OkHttpClient", null,
            "io/github/partnerattribution/agent/internal/OkHttpClientTemplate", new String[0], new String[0]);
    static final String BUILDER_METHOD = "partnerAttribution$builder";
    private static final String OKHTTP_BUILDER_TYPE = "okhttp3/OkHttpClient$Builder";

    static final Target HTTP_CLIENT5_BUILDER = new Target("org/apache/hc/client5/http/impl/classic/HttpClientBuilder",
            "()Lorg/apache/hc/client5/http/impl/classic/CloseableHttpClient;",
            "io/github/partnerattribution/agent/internal/HttpClient5BuildTemplate", new String[0],
            new String[] {"addRequestInterceptorLast", "(Lorg/apache/hc/core5/http/HttpRequestInterceptor;)"
                    + "Lorg/apache/hc/client5/http/impl/classic/HttpClientBuilder;"});
    static final Target HTTP_ASYNC_CLIENT5_BUILDER = new Target(
            "org/apache/hc/client5/http/impl/async/HttpAsyncClientBuilder",
            "()Lorg/apache/hc/client5/http/impl/async/CloseableHttpAsyncClient;",
            "io/github/partnerattribution/agent/internal/HttpAsyncClient5BuildTemplate", new String[0],
            new String[] {"addRequestInterceptorLast", "(Lorg/apache/hc/core5/http/HttpRequestInterceptor;)"
                    + "Lorg/apache/hc/client5/http/impl/async/HttpAsyncClientBuilder;"});

    /** Every class the agent rewrites. */
    static final java.util.List<Target> ALL = java.util.Arrays.asList(PIPELINE_BUILDER, OKHTTP_BUILDER, OKHTTP_CLIENT,
            HTTP_CLIENT5_BUILDER, HTTP_ASYNC_CLIENT5_BUILDER, JAVA_NET_HTTP_BUILDER);

    private final Target target;
    private final byte[] template;

    /**
     * @param target what to rewrite
     * @param template the bytes of {@code target}'s template class
     */
    Rewriter(Target target, byte[] template) {
        this.target = target;
        this.template = template;
    }

    /**
     * OkHttp's {@code new OkHttpClient()} makes its own builder and never calls {@code build()}: its constructor's
     * {@code new Builder()} becomes a call to a method copied from {@link OkHttpClientTemplate}, which returns the
     * builder with the agent's interceptor last. Any other code in that constructor is refused.
     */
    byte[] rewriteOkHttpClient(byte[] client) {
        ClassReader reader = new ClassReader(client);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] replaced = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals(BUILDER_METHOD)) {
                    throw new IllegalStateException("OkHttpClient is already instrumented");
                }
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals("<init>") || !descriptor.equals("()V")) {
                    return next;
                }
                return new MethodVisitor(Opcodes.ASM9, next) {
                    private int step;

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (step == 0 && opcode == Opcodes.NEW && type.equals(OKHTTP_BUILDER_TYPE)) {
                            step = 1;
                            return;
                        }
                        super.visitTypeInsn(opcode, type);
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (step == 1 && opcode == Opcodes.DUP) {
                            step = 2;
                            return;
                        }
                        super.visitInsn(opcode);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                            boolean isInterface) {
                        if (step == 2 && opcode == Opcodes.INVOKESPECIAL && owner.equals(OKHTTP_BUILDER_TYPE)
                                && name.equals("<init>") && descriptor.equals("()V")) {
                            step = 3;
                            replaced[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, target.type, BUILDER_METHOD,
                                    "()L" + OKHTTP_BUILDER_TYPE + ";", false);
                            return;
                        }
                        if (step == 1 || step == 2) {
                            throw new IllegalStateException("OkHttpClient() does not start with new Builder()");
                        }
                        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                    }
                };
            }

            @Override
            public void visitEnd() {
                if (!replaced[0]) {
                    throw new IllegalStateException("OkHttpClient has no constructor OkHttpClient() that makes a"
                            + " new Builder()");
                }
                ClassVisitor client = cv;
                new ClassReader(template).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                            String[] exceptions) {
                        return name.equals(BUILDER_METHOD) ? new Retargeted(client.visitMethod(access
                                | Opcodes.ACC_SYNTHETIC, name, descriptor, null, exceptions), target) : null;
                    }
                }, ClassReader.SKIP_DEBUG);
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    byte[] rewrite(byte[] builder) {
        ClassReader reader = new ClassReader(builder);
        ClassWriter writer = new ClassWriter(reader, 0);
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        for (int i = 0; i < target.fields.length; i += 2) {
            missing.add("field " + target.fields[i] + " " + target.fields[i + 1]);
        }
        for (int i = 0; i < target.methods.length; i += 2) {
            missing.add("method " + target.methods[i] + target.methods[i + 1]);
        }
        missing.add("method build" + target.buildType);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    missing.remove("field " + name + " " + descriptor);
                }
                return super.visitField(access, name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals(ORIGINAL)) {
                    throw new IllegalStateException(target.simpleName() + " is already instrumented");
                }
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    missing.remove("method " + name + descriptor);
                }
                if (name.equals("build") && descriptor.equals(target.buildType)) {
                    return super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC, ORIGINAL, descriptor,
                            signature, exceptions);
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                if (!missing.isEmpty()) {
                    throw new IllegalStateException(target.simpleName() + " has no " + String.join(", no ", missing));
                }
                copyBuild(cv);
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Adds the template's {@code build()} to {@code builder}, each reference to the template made to the builder. */
    private void copyBuild(ClassVisitor builder) {
        new ClassReader(template).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals("build") || !descriptor.equals(target.buildType)) {
                    return null;
                }
                return new Retargeted(builder.visitMethod(access, name, descriptor, null, exceptions), target);
            }
        }, ClassReader.SKIP_DEBUG);
    }

    /** A method's code with the template's name replaced by the builder's. */
    private static final class Retargeted extends MethodVisitor {
        private final Target target;

        Retargeted(MethodVisitor next, Target target) {
            super(Opcodes.ASM9, next);
            this.target = target;
        }

        private String map(String owner) {
            return target.template.equals(owner) ? target.type : owner;
        }

        private Object[] map(int n, Object[] types) {
            if (types == null) {
                return null;
            }
            Object[] out = types.clone();
            for (int i = 0; i < n; i++) {
                if (target.template.equals(out[i])) {
                    out[i] = target.type;
                }
            }
            return out;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, map(owner), name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, map(owner), name, descriptor, isInterface);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, map(type));
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            super.visitFrame(type, numLocal, map(numLocal, local), numStack, map(numStack, stack));
        }
    }
}
