package io.flashbridge.webhook;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public webhook endpoints before any signature work: a body that is not JSON is answered
 * 415, one longer than {@code flashbridge.webhook.max-body} 413 (from its Content-Length, or as soon
 * as a chunked body passes the limit). The body is read here, bounded, and handed on as bytes.
 */
@Configuration(proxyBeanMethods = false)
class WebhookBodyLimit {

    /** Request attribute holding the body exactly as received, for the signature check. */
    static final String RAW_BODY = "io.flashbridge.webhook.rawBody";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webhookBodyLimitFilter(WebhookProperties properties, RefusedEvents refused) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new BoundedJsonBody(properties.maxBody().toBytes(), refused));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class BoundedJsonBody extends OncePerRequestFilter {

        private final long limit;
        private final RefusedEvents refused;

        BoundedJsonBody(long limit, RefusedEvents refused) {
            this.limit = limit;
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"POST".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            if (!isJson(request.getContentType())) {
                refused.refused("unsupported-media-type", "content type " + printable(request.getContentType()));
                reply(response, 415, "webhooks must be sent as application/json");
                return;
            }
            if (request.getContentLengthLong() > limit) {
                tooLarge(response, request.getContentLengthLong());
                return;
            }
            byte[] body = readAtMost(request.getInputStream(), request.getContentLengthLong(), limit);
            if (body == null) {
                tooLarge(response, -1);
                return;
            }
            request.setAttribute(RAW_BODY, body);
            chain.doFilter(new CachedBody(request, body), response);
        }

        private void tooLarge(HttpServletResponse response, long length) throws IOException {
            refused.refused("too-large", (length < 0 ? "chunked body" : length + " bytes") + " over the limit of " + limit + " bytes");
            reply(response, 413, "webhook bodies are limited to " + limit + " bytes");
        }

        private static boolean isJson(String contentType) {
            if (contentType == null) {
                return false;
            }
            String type = contentType.split(";", 2)[0].trim().toLowerCase();
            return type.equals("application/json") || type.endsWith("+json");
        }

        /** The whole body, or null as soon as it passes {@code limit}. */
        private static byte[] readAtMost(InputStream in, long length, long limit) throws IOException {
            if (length >= 0) {
                // Content-Length known (and within the limit): one array of its size, no copies.
                byte[] body = in.readNBytes((int) length);
                return in.read() < 0 ? body : null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        private static String printable(String text) {
            if (text == null) {
                return "(none)";
            }
            String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
            return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
        }

        private static void reply(HttpServletResponse response, int status, String error) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request with its body already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
