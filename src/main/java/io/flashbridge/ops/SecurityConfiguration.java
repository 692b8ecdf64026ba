package io.flashbridge.ops;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Closed by default. The webhook endpoints are open to the network because their signature is
 * their authentication; {@code /actuator/health} answers its status to anyone (load balancers)
 * and its details only to a login. Everything else needs HTTP basic authentication: {@code GET}
 * on {@code /ops/**} and {@code /actuator/**} the viewer role, any other method on {@code /ops/**}
 * the operator role. Anything not listed is refused. The console has its own chain (form login).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String VIEWER = "VIEWER";
    static final String OPERATOR = "OPERATOR";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The console ({@code /console/**}): a login form and a session cookie, because a browser uses
     * it, so forms carry a CSRF token. Viewers read every page; only operators may act (POST).
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/login", "/console/assets/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/**").hasAnyRole(VIEWER, OPERATOR)
                        .requestMatchers("/console/**").hasRole(OPERATOR)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console/batches", false).permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .build();
    }

    /** {@code bareEndpoint}: only bench/webhooks.sh sets it, to open its floor endpoint {@code POST /bench/bare}. */
    @Bean
    SecurityFilterChain bridgeSecurity(HttpSecurity http,
                                       @org.springframework.beans.factory.annotation.Value("${flashbridge.bench.bare-endpoint:false}")
                                       boolean bareEndpoint) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/webhooks/flash", "/webhooks/flash/callback").permitAll()
                        .requestMatchers(HttpMethod.POST, bareEndpoint ? "/bench/bare" : "/bench/closed").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**", "/ops/**").hasAnyRole(VIEWER, OPERATOR)
                        .requestMatchers("/ops/**").hasRole(OPERATOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                // Stateless basic authentication: no session cookie, so no cross-site request to forge.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService opsUsers(OpsUsers users, PasswordEncoder encoder) {
        List<UserDetails> known = new ArrayList<>();
        add(known, users.viewerUser(), users.viewerPassword(), VIEWER, encoder);
        add(known, users.operatorUser(), users.operatorPassword(), OPERATOR, encoder);
        if (known.isEmpty()) {
            log.warn("No operations user is configured (FLASHBRIDGE_VIEWER_*/FLASHBRIDGE_OPERATOR_*): /ops and /actuator refuse everyone");
        }
        return new InMemoryUserDetailsManager(known);
    }

    private static void add(List<UserDetails> known, String user, String password, String role, PasswordEncoder encoder) {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            return;
        }
        // A value given already encoded ({bcrypt}...) is taken as it is; a plain one is hashed here, once.
        String encoded = password.startsWith("{") ? password : encoder.encode(password);
        known.add(User.withUsername(user).password(encoded).roles(role).build());
    }
}
