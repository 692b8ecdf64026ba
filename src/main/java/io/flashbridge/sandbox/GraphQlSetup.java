package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Money} scalar and the mapping of sandbox exceptions to GraphQL errors with {@code extensions.code}. */
@Configuration(proxyBeanMethods = false)
class GraphQlSetup {

    @Bean
    RuntimeWiringConfigurer moneyScalar() {
        GraphQLScalarType money = GraphQLScalarType.newScalar()
                .name("Money")
                .description("Amount in major units")
                .coercing(new MoneyCoercing())
                .build();
        return wiring -> wiring.scalar(money);
    }

    /** Parses and validates each distinct document once, as a production GraphQL server would. */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache() {
        Map<String, PreparsedDocumentEntry> cache = new ConcurrentHashMap<>();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                PreparsedDocumentEntry entry = cache.get(input.getQuery());
                if (entry == null) {
                    entry = parseAndValidate.apply(input);
                    if (!entry.hasErrors() && cache.size() < 1_000) {
                        cache.put(input.getQuery(), entry);
                    }
                }
                return CompletableFuture.completedFuture(entry);
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    @Bean
    DataFetcherExceptionResolverAdapter sandboxErrors() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof BadUserInputException bad) {
                    return error(env, bad.getMessage(), ErrorType.BAD_REQUEST, Map.of("code", "BAD_USER_INPUT", "field", bad.field()));
                }
                if (ex instanceof UnauthenticatedException unauthenticated) {
                    return error(env, unauthenticated.getMessage(), ErrorType.UNAUTHORIZED, Map.of("code", "UNAUTHENTICATED"));
                }
                if (ex instanceof TooManyRequestsException limited) {
                    return error(env, limited.getMessage(), ErrorType.FORBIDDEN,
                            Map.of("code", "TOO_MANY_REQUESTS", "retrySecs", limited.retrySecs()));
                }
                return null;
            }
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, String message, ErrorType type, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).message(message).errorType(type).extensions(extensions).build();
    }

    /** JSON numbers in major units; numeric strings are accepted too (gap 19). */
    static final class MoneyCoercing implements Coercing<BigDecimal, BigDecimal> {

        @Override
        public BigDecimal serialize(Object value, GraphQLContext context, Locale locale) {
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return new BigDecimal(input.toString().trim());
            } catch (NumberFormatException e) {
                throw new CoercingParseValueException("Expected a number but got \"" + input + "\"");
            }
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof IntValue integer) {
                return new BigDecimal(integer.getValue());
            }
            if (input instanceof FloatValue decimal) {
                return decimal.getValue();
            }
            if (input instanceof StringValue text) {
                try {
                    return new BigDecimal(text.getValue().trim());
                } catch (NumberFormatException e) {
                    throw new CoercingParseLiteralException("Expected a number but got \"" + text.getValue() + "\"");
                }
            }
            throw new CoercingParseLiteralException("Expected a number");
        }
    }
}
