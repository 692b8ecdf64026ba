package io.flashbridge.routes;

/** Why a route file is refused, where: {@code file:line:column: reason} (line and column from 1). */
public record RouteProblem(String file, int line, int column, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + reason;
    }
}
