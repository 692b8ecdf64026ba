package io.flashbridge.routes;

import java.time.Instant;
import java.util.List;

/** An edit of a route file that was refused: the file, when, and why (the running routes are the previous version's). */
public record RouteEdit(String file, Instant at, List<RouteProblem> problems) {}
