package io.github.partnerattribution.cli;

import java.io.PrintWriter;

/**
 * The {@code attribution} command's entry point: the local commands' plain forms run at once ({@link FastPath}),
 * everything else through picocli ({@link AttributionCli}). It is its own class so that starting the JVM on it loads
 * nothing of picocli: the JVM resolves the types of every public method of the main class before it runs
 * {@code main}, and {@link AttributionCli}'s name picocli's.
 *
 * <pre>
 * java -cp attribution.jar io.github.partnerattribution.cli.Main guid check pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
 * </pre>
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its code (a local command that succeeds by returning).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (OutOfMemoryError e) {
            // what was held is unreachable by now: there is room for one line, and no command ends in a stack trace
            System.out.flush();
            System.err.println("attribution: out of memory (this JVM may use " + Runtime.getRuntime().maxMemory()
                    / (1024 * 1024) + " MB of heap): give it more, for example ATTRIBUTION_OPTS=-Xmx2g with the"
                    + " attribution launcher, or java -Xmx2g -jar");
            System.err.flush();
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        quietNetty();
        PrintWriter out = FastPath.writer(System.out, "sun.stdout.encoding");
        PrintWriter err = FastPath.writer(System.err, "sun.stderr.encoding");
        Integer fast = FastPath.run(args, out, err);
        if (fast != null) {
            out.flush();
            err.flush();
            if (fast != 0) {
                System.exit(fast);
            }
            // success returns from main rather than calling exit: a local command leaves no thread behind, and on
            // JDK 21 and later System.exit starts the JDK's logging to report the exit (the benchmarks README says
            // what that costs)
            return;
        }
        AttributionCli.main(args);
    }

    /**
     * Keeps Netty (azure-core's HTTP client) off {@code sun.misc.Unsafe} and off its native libraries (OpenSSL, epoll):
     * on JDK 24 and later each prints warnings to standard error on every run of {@code verify} and {@code pal}, and the
     * JDK's own TLS and NIO serve a command line as well. A value the user set stays.
     */
    static void quietNetty() {
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
        if (System.getProperty("io.netty.handler.ssl.noOpenSsl") == null) {
            System.setProperty("io.netty.handler.ssl.noOpenSsl", "true");
        }
        if (System.getProperty("io.netty.transport.noNative") == null) {
            System.setProperty("io.netty.transport.noNative", "true"); // epoll's native library: the JDK's NIO serves
        }
    }
}
