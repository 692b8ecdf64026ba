package io.flashbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code balances} and the one-day {@code statement} (flash-api.md 5.1). */
@Controller
class BalancesGraphQl {

    @QueryMapping
    List<Map<String, Object>> balances(@Argument List<String> currencies, GraphQLContext context) {
        return Sessions.require(context).balances.balances(currencies);
    }

    @QueryMapping
    Map<String, Object> statement(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Instant from = TimeBounds.lower(input.get("fromDate"), "input.fromDate");
        Instant to = from.plus(Duration.ofDays(1));
        String currency = (String) input.getOrDefault("currency", "AUD");
        List<Map<String, Object>> rows = account.balances.movements(currency == null ? "AUD" : currency, from, to).stream()
                .map(BalancesGraphQl::row)
                .toList();
        Map<String, Object> reply = Reply.ok("GENERATED", "Statement generated", "rows", rows);
        reply.put("fromDate", Timestamps.format(from));
        reply.put("toDate", Timestamps.format(to));
        return reply;
    }

    private static Map<String, Object> row(BalanceBook.Movement movement) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", movement.id());
        row.put("createdAt", Timestamps.format(movement.at()));
        row.put("type", movement.type());
        row.put("description", movement.description());
        row.put("transactionId", movement.transactionId());
        row.put("currency", movement.currency());
        row.put("debit", movement.debit());
        row.put("credit", movement.credit());
        row.put("balance", movement.balance());
        return row;
    }
}
