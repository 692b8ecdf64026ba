package io.flashbridge.sandbox;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The sender and recipient address books (flash-api.md 5.4, 5.5). */
@Controller
class PartiesGraphQl {

    private final SimulationClock clock;

    PartiesGraphQl(SimulationClock clock) {
        this.clock = clock;
    }

    @MutationMapping
    Map<String, Object> createSender(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        check(input);
        Map<String, Object> sender = Parties.sender("input", input, Ids.next(), today());
        account.senders.put((String) sender.get("id"), sender);
        return Reply.ok("CREATED", "New sender created", "sender", sender);
    }

    /** Replaces the sender's details; its id stays (flash-api.md 5.4). */
    @MutationMapping
    Map<String, Object> updateSender(@Argument String id, @Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        check(input);
        Map<String, Object> known = id == null ? null : account.senders.get(id);
        if (known == null) {
            throw new BusinessFailure(BusinessFailure.NOT_FOUND, "Sender " + id + " not found");
        }
        Map<String, Object> sender = Parties.sender("input", input, id, today());
        account.senders.put(id, sender);
        return Reply.ok("UPDATED", "Sender " + id + " updated.", "sender", sender);
    }

    @QueryMapping
    Map<String, Object> sender(@Argument String id, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        return id == null ? null : account.senders.get(id);
    }

    @QueryMapping
    List<Map<String, Object>> senders(@Argument Map<String, Object> input, GraphQLContext context) {
        return matching(Sessions.require(context).senders, input);
    }

    @MutationMapping
    Map<String, Object> createRecipient(@Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        check(input);
        Map<String, Object> recipient = Parties.recipient("input", input, Ids.next(), today());
        account.recipients.put((String) recipient.get("id"), recipient);
        return Reply.ok("SUCCESS", "Recipient created", "recipient", recipient);
    }

    /** Replaces the recipient's details; its id stays and its accountIdType cannot change (flash-api.md 5.5). */
    @MutationMapping
    Map<String, Object> updateRecipient(@Argument String id, @Argument Map<String, Object> input, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        check(input);
        Map<String, Object> known = id == null ? null : account.recipients.get(id);
        if (known == null) {
            throw new BusinessFailure(BusinessFailure.NOT_FOUND, "Recipient " + id + " not found");
        }
        Object type = input.get("accountIdType");
        if (type != null && !type.toString().equals(String.valueOf(known.get("accountIdType")))) {
            throw new BadUserInputException("input.accountIdType", "input.accountIdType: the account type of recipient " + id
                    + " is " + known.get("accountIdType") + " and cannot be changed; create a new recipient instead");
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(input);
        merged.putIfAbsent("accountIdType", known.get("accountIdType"));
        Map<String, Object> recipient = Parties.recipient("input", merged, id, today());
        account.recipients.put(id, recipient);
        return Reply.ok("SUCCESS", "Recipient updated", "recipient", recipient);
    }

    @QueryMapping
    Map<String, Object> recipient(@Argument String id, GraphQLContext context) {
        ClientAccount account = Sessions.require(context);
        return id == null ? null : account.recipients.get(id);
    }

    @QueryMapping
    List<Map<String, Object>> recipients(@Argument Map<String, Object> input, GraphQLContext context) {
        return matching(Sessions.require(context).recipients, input);
    }

    private static void check(Map<String, Object> input) {
        InputRules.noPlaceholders("input", input);
        InputRules.asciiWhereRequired("input", input);
    }

    /** Every given filter field must equal the party's field. */
    private static List<Map<String, Object>> matching(Map<String, Map<String, Object>> parties, Map<String, Object> filter) {
        return parties.values().stream()
                .filter(party -> filter.entrySet().stream()
                        .allMatch(entry -> entry.getValue() == null || Objects.equals(entry.getValue(), party.get(entry.getKey()))))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }
}
