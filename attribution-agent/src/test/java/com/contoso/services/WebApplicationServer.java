package com.contoso.services;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Stands for an application server: its own class path holds only this class; the web application (a service and
 * its azure-core) lives in a class loader of its own over the jars that {@code -Dwebapp.classpath} lists, whose
 * parent is the JDK's platform loader, as a servlet container's web application loader sees the JDK and not the
 * server's classes. Runs {@link PipelineService} in it. Argument: the ARM endpoint.
 */
public final class WebApplicationServer {
    private WebApplicationServer() {
    }

    public static void main(String[] args) throws Exception {
        String[] entries = System.getProperty("webapp.classpath").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = new File(entries[i]).toURI().toURL();
        }
        try (URLClassLoader webapp = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> service = webapp.loadClass(PipelineService.class.getName());
            System.out.println("web application loaded by " + service.getClassLoader().getClass().getName()
                    + "; azure-core there: " + webapp.loadClass("com.azure.core.http.HttpPipelineBuilder")
                    .getClassLoader().getClass().getName());
            service.getMethod("main", String[].class).invoke(null, (Object) new String[] {args[0]});
        }
    }
}
