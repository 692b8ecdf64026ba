package io.flashbridge.flash;

import java.net.URI;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two Apache HttpClient 5 instances camel-graphql uses for Flash: both send our own
 * {@code User-Agent} and enforce timeouts; {@code flashHttpClient} adds the current bearer token
 * to requests for the Flash host only, {@code flashLoginHttpClient} (for {@code login} and
 * {@code logout}) adds nothing. Retries are the bridge's job, never the HTTP client's: a POST
 * that creates a withdrawal must not be resent behind our back.
 */
@Configuration(proxyBeanMethods = false)
class FlashHttpClients {

    @Bean(destroyMethod = "close")
    CloseableHttpClient flashHttpClient(FlashProperties properties, FlashSession session) {
        URIAuthority flashHost = authority(properties.apiUrl());
        return builder(properties)
                .addRequestInterceptorFirst((HttpRequest request, org.apache.hc.core5.http.EntityDetails entity,
                                             org.apache.hc.core5.http.protocol.HttpContext context) -> {
                    if (flashHost.equals(request.getAuthority()) && !request.containsHeader(HttpHeaders.AUTHORIZATION)) {
                        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + session.bearerToken());
                    }
                })
                .build();
    }

    @Bean(destroyMethod = "close")
    CloseableHttpClient flashLoginHttpClient(FlashProperties properties) {
        return builder(properties).build();
    }

    private static HttpClientBuilder builder(FlashProperties properties) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                .build();
        return HttpClients.custom()
                .setUserAgent(properties.userAgent())
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .build())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(64)
                        .build());
    }

    private static URIAuthority authority(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return new URIAuthority(uri.getHost(), port);
    }
}
