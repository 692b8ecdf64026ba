package io.flashbridge.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Withdrawals, FX payments and deposits: create, fetch one, list with the filters of flash-api.md 5.2, 5.3, 5.10. */
@Controller
class TransactionsGraphQl {

    private final Withdrawals withdrawals;
    private final Payments payments;
    private final Deposits deposits;

    TransactionsGraphQl(Withdrawals withdrawals, Payments payments, Deposits deposits) {
        this.withdrawals = withdrawals;
        this.payments = payments;
        this.deposits = deposits;
    }

    @MutationMapping
    Map<String, Object> createWithdrawal(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        try {
            return withdrawals.create(account, input);
        } catch (BusinessFailure failure) {
            return Reply.failed(failure);
        }
    }

    @QueryMapping
    Map<String, Object> withdrawal(@Argument String id, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Withdrawal withdrawal = id == null ? null : account.withdrawals.get(id);
        return withdrawal == null ? null : withdrawal.view();
    }

    @QueryMapping
    List<Map<String, Object>> withdrawals(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Filter filter = Filter.of(input);
        return ClientAccount.newestFirst(account.withdrawals, w -> filter.matches(
                w.status().name(), w.createdAt(), w.subClientId(), w.externalId()));
    }

    @MutationMapping
    Map<String, Object> createPayment(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        try {
            return payments.create(account, input);
        } catch (BusinessFailure failure) {
            return Reply.failed(failure);
        }
    }

    @QueryMapping
    Map<String, Object> payment(@Argument String id, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Payment payment = id == null ? null : account.payments.get(id);
        return payment == null ? null : payment.view();
    }

    @QueryMapping
    List<Map<String, Object>> payments(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Filter filter = Filter.of(input);
        List<?> toCurrencies = input == null ? null : (List<?>) input.get("toCurrencies");
        return ClientAccount.newestFirst(account.payments, p -> filter.matches(
                        p.status().name(), p.createdAt(), p.subClientId(), p.externalId())
                && (toCurrencies == null || toCurrencies.contains(p.legs().toCurrency())));
    }

    @QueryMapping
    Map<String, Object> deposit(@Argument String id, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Deposit deposit = id == null ? null : account.deposits.get(id);
        return deposit == null ? null : deposit.view();
    }

    @QueryMapping
    List<Map<String, Object>> deposits(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        Filter filter = Filter.of(input);
        return ClientAccount.newestFirst(account.deposits,
                d -> filter.matches(d.status().name(), d.createdAt(), d.subClientId(), null));
    }

    @MutationMapping
    Map<String, Object> refundDeposit(@Argument String id, @Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        try {
            return deposits.refund(account, id, input);
        } catch (BusinessFailure failure) {
            return Reply.failed(failure);
        }
    }

    /** The filters the list queries share; absent ones match everything. */
    record Filter(List<?> statuses, Instant from, Instant to, Object subClientId, Object externalId) {

        static Filter of(Map<String, Object> input) {
            if (input == null) {
                return new Filter(null, null, null, null, null);
            }
            return new Filter((List<?>) input.get("statuses"),
                    TimeBounds.lower(input.get("minCreatedAt"), "input.minCreatedAt"),
                    TimeBounds.upper(input.get("maxCreatedAt"), "input.maxCreatedAt"),
                    input.get("subClientId"), input.get("externalId"));
        }

        boolean matches(String status, Instant createdAt, String subClient, String external) {
            return (statuses == null || statuses.isEmpty() || statuses.contains(status))
                    && TimeBounds.within(createdAt, from, to)
                    && (subClientId == null || Objects.equals(subClientId, subClient))
                    && (externalId == null || Objects.equals(externalId, external));
        }
    }
}
