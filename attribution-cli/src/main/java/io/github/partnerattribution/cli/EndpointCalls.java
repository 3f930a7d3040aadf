package io.github.partnerattribution.cli;

import static io.github.partnerattribution.cli.AttributionCli.firstLine;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.operations.support.ServerGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * How {@code verify} and {@code pal} talk to an endpoint: within an overall deadline (a server that drips one byte at
 * a time still ends the run), with a progress line on stderr while a long run goes on, and with every way the endpoint
 * can fail turned into a plain {@link Failure} that says what was asked and what to do.
 */
final class EndpointCalls {
    static final int PROGRESS_SECONDS = 5;

    private EndpointCalls() {
    }

    /**
     * Runs {@code call} on a worker thread and waits for it at most {@code timeoutSeconds}.
     *
     * @param command the command's name for messages ("verify", "pal")
     */
    static <T> T within(String command, int timeoutSeconds, ServerGuard guard, PrintWriter err, Callable<T> call) {
        if (timeoutSeconds < 1) {
            throw Failure.invalidInput("--timeout " + timeoutSeconds + " is not a number of seconds of 1 or more");
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attribution-" + command);
            t.setDaemon(true);
            return t;
        });
        Future<T> result = worker.submit(call);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            // A line on stderr every few seconds while a long run goes on; stdout keeps only the result.
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    return result.get(Math.min(left, TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    if (deadline - System.nanoTime() <= 0) {
                        throw stillRunning;
                    }
                    err.println(command + ": still reading, " + guard.requests() + (guard.requests() == 1 ? " request" : " requests") + " so far");
                    err.flush();
                }
            }
        } catch (TimeoutException e) {
            result.cancel(true);
            throw Failure.endpoint(command + " stopped: no answer within " + timeoutSeconds + " s (--timeout): the"
                    + " endpoint is too slow or keeps sending more to read", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.endpoint(command + " was interrupted", e);
        } catch (ExecutionException e) {
            throw failure(command, e.getCause());
        } finally {
            worker.shutdownNow();
        }
    }

    /**
     * What a failure while talking to the endpoint means for the user. Our own failures pass through as they are;
     * a refusal of the guard, an answer with an error status, a TLS or network failure, and an answer that could not
     * be decoded each become a plain message; anything else is left to be reported as a bug.
     */
    static RuntimeException failure(String command, Throwable e) {
        if (e instanceof Failure) {
            return (Failure) e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerGuard.RefusedException) {
                return Failure.endpoint(command + " stopped: " + t.getMessage(), e);
            }
            if (t instanceof ClientAuthenticationException) {
                return Failure.endpoint("cannot sign in: " + firstLine(t.getMessage()) + " (set " + VerifyCommand.TOKEN_VARIABLE
                        + " to an access token, or sign in with the Azure CLI)", e);
            }
            if (t instanceof HttpResponseException && ((HttpResponseException) t).getResponse() != null) {
                return Failure.endpoint(answered(((HttpResponseException) t).getResponse(), t.getMessage()), e);
            }
            if (t instanceof SSLException && ServerGuard.untrustedCertificate(t)) {
                return Failure.endpoint("cannot reach the endpoint: its certificate is not trusted by this Java ("
                        + firstLine(innermost(t).getMessage()) + "). For the ARM emulator, use the -D options"
                        + " `attribution emulator` printed (in ATTRIBUTION_OPTS, or before -jar); for another endpoint,"
                        + " import its certificate into a trust store and pass -Djavax.net.ssl.trustStore=FILE"
                        + " -Djavax.net.ssl.trustStorePassword=PASSWORD", e);
            }
            if (t instanceof SSLException) {
                return Failure.endpoint("cannot reach the endpoint: the TLS handshake failed (" + t.getClass().getSimpleName()
                        + ": " + firstLine(t.getMessage()) + "). If its certificate is not one Java trusts (a test"
                        + " endpoint such as the ARM emulator), point Java at a trust store that holds it:"
                        + " -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=PASSWORD", e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return Failure.endpoint("cannot reach the endpoint or read its answer: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The transport's decoders and the SDK's deserialisers: what they throw is about the bytes the endpoint
            // sent. Some throw JDK types (Netty's HTTP decoder a NumberFormatException for a bad chunk size), so
            // the type's package or, failing that, the code that threw it decides; this runs only for failures
            // while talking to the endpoint.
            String type = t.getClass().getName();
            StackTraceElement[] trace = t.getStackTrace();
            String thrower = trace.length == 0 ? "" : trace[0].getClassName();
            if (fromTransport(type) || fromTransport(thrower)) {
                return Failure.endpoint("the endpoint's answer could not be read: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())), e);
            }
        }
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean fromTransport(String className) {
        return className.startsWith("io.netty.") || className.startsWith("reactor.netty.")
                || className.startsWith("com.azure.") || className.startsWith("com.fasterxml.jackson.")
                || className.startsWith("okhttp3.") || className.startsWith("java.net.http.")
                || className.startsWith("jdk.internal.net.http.");
    }

    /** An answer with an error status: the status, what was asked, what the endpoint said, what to do. */
    static String answered(HttpResponse response, String message) {
        int status = response.getStatusCode();
        String asked = response.getRequest() == null ? "" : " to " + response.getRequest().getHttpMethod() + " "
                + Text.printable(response.getRequest().getUrl().getPath());
        String advice = status >= 300 && status < 400 ? "a redirect, which this tool does not follow: check --endpoint"
                : status == 401 || status == 403 ? "check the identity's access token and its rights in this scope"
                : status == 404 ? "check the ids given"
                : status == 429 || status >= 500 ? "the endpoint is busy or failing; try again later"
                : "check the options given";
        return "the ARM endpoint answered " + status + asked + ": " + Text.printable(firstLine(message)) + " (" + advice
                + ")";
    }
}
