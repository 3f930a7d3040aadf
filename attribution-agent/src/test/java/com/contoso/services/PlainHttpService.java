package com.contoso.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A service that calls ARM without the Azure SDK: the JDK's HttpClient and OkHttp, each once to the host named
 * {@code localhost} (an ARM host for the test, by the setting) and once to {@code 127.0.0.1} (not one), the same
 * emulator; OkHttp through a built client, one made by {@code new OkHttpClient()} and one copied from that; Apache
 * HttpClient 5 through {@code HttpClients.createDefault()}. Argument: the ARM endpoint.
 */
public final class PlainHttpService {
    private PlainHttpService() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        System.out.println("OkHttp from " + OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation()
                + ", Apache HttpClient 5 from " + HttpGet.class.getProtectionDomain().getCodeSource().getLocation());
        String path = "/subscriptions?api-version=2022-12-01";
        HttpClient jdk = HttpClient.newHttpClient();
        OkHttpClient built = new OkHttpClient.Builder().build();
        // A client made by the no-argument constructor, and one copied from it: each sends once per host.
        OkHttpClient plain = new OkHttpClient();
        OkHttpClient copied = plain.newBuilder().build();
        CloseableHttpClient apache = HttpClients.createDefault();
        for (String host : new String[] {"localhost", "127.0.0.1"}) {
            String url = "https://" + host + ":" + endpoint.getPort() + path;
            HttpResponse<String> viaJdk = jdk.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer token").header("User-Agent", "contoso-jdk").build(),
                    HttpResponse.BodyHandlers.ofString());
            for (OkHttpClient okHttp : new OkHttpClient[] {built, plain, copied}) {
                try (Response viaOkHttp = okHttp.newCall(new Request.Builder().url(url)
                        .header("Authorization", "Bearer token").header("User-Agent", "contoso-okhttp").build())
                        .execute()) {
                    System.out.println(host + ": java.net.http " + viaJdk.statusCode() + ", OkHttp "
                            + viaOkHttp.code());
                }
            }
            HttpGet get = new HttpGet(url);
            get.setHeader("Authorization", "Bearer token");
            get.setHeader("User-Agent", "contoso-apache");
            try (CloseableHttpResponse viaApache = apache.execute(get)) {
                System.out.println(host + ": Apache HttpClient 5 " + viaApache.getCode());
            }
        }
        // The clients' idle threads would keep the JVM for their keep-alive time; a service would run on.
        System.exit(0);
    }
}
