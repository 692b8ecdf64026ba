package io.flashbridge.intake.file;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.dataformat.bindy.BindyAbstractDataFormat;
import org.apache.camel.support.DefaultExchange;

/** Runs a started camel-bindy data format over text and always answers a list of records. */
final class BindyReader {

    private final CamelContext camel;
    private final BindyAbstractDataFormat format;

    BindyReader(CamelContext camel, BindyAbstractDataFormat format) {
        this.camel = camel;
        this.format = format;
        format.setCamelContext(camel);
        format.start();
    }

    List<?> read(String text) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
        Object result = format.unmarshal(exchange, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        if (result == null) {
            return List.of();
        }
        return result instanceof List<?> list ? list : List.of(result);
    }
}
