package io.github.partnerattribution.agent.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Gives azure-core's {@code HttpPipelineBuilder} the {@code build()} of {@link BuildTemplate}, with ASM (relocated
 * inside the agent's jar): the builder's own method is renamed and kept, private; nothing else changes. A builder
 * without the expected field and method is refused, never guessed at. Not API.
 */
final class Rewriter {
    static final String TARGET = "com/azure/core/http/HttpPipelineBuilder";
    static final String TEMPLATE = "io/github/partnerattribution/agent/internal/BuildTemplate";
    static final String FIELD = "pipelinePolicies";
    static final String FIELD_TYPE = "Ljava/util/List;";
    static final String BUILD = "build";
    static final String BUILD_TYPE = "()Lcom/azure/core/http/HttpPipeline;";
    static final String ORIGINAL = "partnerAttribution$build";

    private final byte[] template;

    /** @param template the bytes of {@link BuildTemplate} */
    Rewriter(byte[] template) {
        this.template = template;
    }

    byte[] rewrite(byte[] builder) {
        ClassReader reader = new ClassReader(builder);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] found = new boolean[2];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                if (name.equals(FIELD) && descriptor.equals(FIELD_TYPE) && (access & Opcodes.ACC_STATIC) == 0) {
                    found[0] = true;
                }
                return super.visitField(access, name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (name.equals(ORIGINAL)) {
                    throw new IllegalStateException("HttpPipelineBuilder is already instrumented");
                }
                if (name.equals(BUILD) && descriptor.equals(BUILD_TYPE)) {
                    found[1] = true;
                    return super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC, ORIGINAL, descriptor,
                            signature, exceptions);
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }

            @Override
            public void visitEnd() {
                if (!found[0] || !found[1]) {
                    throw new IllegalStateException("HttpPipelineBuilder has no " + (found[0] ? "" : "field "
                            + FIELD + " of type List" + (found[1] ? "" : " and no ")) + (found[1] ? ""
                            : "method build()"));
                }
                copyBuild(cv);
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Adds the template's {@code build()} to {@code target}, each reference to the template made to the builder. */
    private void copyBuild(ClassVisitor target) {
        new ClassReader(template).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals(BUILD) || !descriptor.equals(BUILD_TYPE)) {
                    return null;
                }
                return new Retargeted(target.visitMethod(access, name, descriptor, null, exceptions));
            }
        }, ClassReader.SKIP_DEBUG);
    }

    /** A method's code with the template's name replaced by the builder's. */
    private static final class Retargeted extends MethodVisitor {
        Retargeted(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        private static String map(String owner) {
            return TEMPLATE.equals(owner) ? TARGET : owner;
        }

        private static Object[] map(int n, Object[] types) {
            if (types == null) {
                return null;
            }
            Object[] out = types.clone();
            for (int i = 0; i < n; i++) {
                if (TEMPLATE.equals(out[i])) {
                    out[i] = TARGET;
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
