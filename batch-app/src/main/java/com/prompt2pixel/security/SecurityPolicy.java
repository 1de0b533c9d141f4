package com.prompt2pixel.security;

import java.util.List;

import com.prompt2pixel.system.Problems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web server's one security policy, a filter chain per kind of caller:
 * <ul>
 * <li>{@code /api/v1/admin/**}: staff by HTTP Basic, no session, {@code ADMIN} only;</li>
 * <li>{@code /api/v1/review/**}: staff by HTTP Basic, no session, {@code REVIEWER} or
 * {@code ADMIN};</li>
 * <li>{@code /api/v1/**}: a merchant's API key, no session, each key rate-limited;</li>
 * <li>{@code /webhooks/**}: anyone, since Shopify signs its deliveries and the receiver
 * checks the signature;</li>
 * <li>{@code /actuator/health/**}: anyone; the rest of the actuator {@code ADMIN}
 * only;</li>
 * <li>everything else (the web admin, the API's documentation): the login form with a
 * session and CSRF tokens; the API documentation is public; keys, accounts and webhooks
 * are for admins; the other settings, the studio, catalogs and every change to a run for
 * operators and admins; the review page for reviewers and admins; the rest for any member
 * of staff.</li>
 * </ul>
 * No cookie ever authenticates an API call, so the APIs need no CSRF tokens. Refusals are
 * problem details: 401 without valid credentials, 403 for a role that may not. Only where
 * there is a web server: the one-shot commands have none.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityPolicy implements WebMvcConfigurer {

	private static final String STAFF_REALM = "Basic realm=\"prompt2pixel\"";

	/** Staff sign-in; as a bean, it also keeps Spring Boot from making a default user. */
	@Bean
	AuthenticationManager staffAuthentication(StaffAccounts accounts, PasswordEncoder encoder,
			SecurityProperties properties) {
		return new ProviderManager(new StaffLogins(accounts, encoder, properties));
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, AuthenticationManager staff) throws Exception {
		return stateless(http.securityMatcher("/api/v1/admin/**"), STAFF_REALM).authenticationManager(staff)
			.httpBasic((basic) -> basic.authenticationEntryPoint(refused(STAFF_REALM)))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(StaffRole.ADMIN.name()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain reviewApi(HttpSecurity http, AuthenticationManager staff) throws Exception {
		return stateless(http.securityMatcher("/api/v1/review", "/api/v1/review/**"), STAFF_REALM)
			.authenticationManager(staff)
			.httpBasic((basic) -> basic.authenticationEntryPoint(refused(STAFF_REALM)))
			.authorizeHttpRequests(
					(requests) -> requests.anyRequest().hasAnyRole(StaffRole.REVIEWER.name(), StaffRole.ADMIN.name()))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain merchantApi(HttpSecurity http, ApiKeys keys, SecurityProperties properties) throws Exception {
		ApiKeyAuthentication authentication = new ApiKeyAuthentication(keys);
		return stateless(http.securityMatcher("/api/v1/**"), "Bearer")
			.addFilterBefore(authentication, AuthorizationFilter.class)
			.addFilterAfter(new ApiRateLimit(properties.requestsPerSecond()), ApiKeyAuthentication.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(MerchantAuthentication.AUTHORITY))
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		return stateless(http.securityMatcher("/webhooks/**"), "HMAC")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager staff) throws Exception {
		return stateless(http.securityMatcher("/actuator/**"), STAFF_REALM).authenticationManager(staff)
			.httpBasic((basic) -> basic.authenticationEntryPoint(refused(STAFF_REALM)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(StaffRole.ADMIN.name()))
			.build();
	}

	@Bean
	@Order(6)
	SecurityFilterChain browser(HttpSecurity http, AuthenticationManager staff) throws Exception {
		String admin = StaffRole.ADMIN.name();
		String operator = StaffRole.OPERATOR.name();
		return http.authenticationManager(staff)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/login",
						"/error", "/admin.css", "/favicon.ico", "/webjars/**")
				.permitAll()
				// who may call (keys, accounts) and merchants' webhooks, whose signing
				// secrets are credentials too, are admins' alone
				.requestMatchers("/settings/access", "/settings/api-keys/**", "/settings/staff/**",
						"/settings/webhooks", "/settings/webhooks/**")
				.hasRole(admin)
				// the other settings, the studio, catalogs and every change to a run are
				// operators' and admins'
				.requestMatchers("/settings", "/settings/**", "/studio", "/studio/**", "/live/generations/**",
						"/catalogs", "/catalogs/**", "/live/imports/**")
				.hasAnyRole(admin, operator)
				.requestMatchers(HttpMethod.POST, "/runs", "/runs/**")
				.hasAnyRole(admin, operator)
				// the review page is reviewers' and admins', as the reviewers' API is
				.requestMatchers("/review", "/review/**")
				.hasAnyRole(admin, StaffRole.REVIEWER.name())
				.anyRequest()
				.hasAnyRole(admin, operator, StaffRole.REVIEWER.name()))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.permitAll())
			.requestCache((cache) -> cache.requestCache(pagesToComeBackTo()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(toLogin()))
			.build();
	}

	/**
	 * After signing in, the browser goes back to the page it asked for: a whole page (one
	 * that accepts HTML), not a part a page asked for (htmx, an event stream, an image,
	 * the browser's own favicon).
	 */
	private static RequestCache pagesToComeBackTo() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher((request) -> HttpMethod.GET.matches(request.getMethod())
				&& request.getHeader("HX-Request") == null
				&& String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains(MediaType.TEXT_HTML_VALUE)
				&& !request.getRequestURI().startsWith("/images/") && !request.getRequestURI().startsWith("/live/"));
		return cache;
	}

	/**
	 * A partial update (htmx) of a page whose session expired is told to load the login
	 * page as a whole (htmx follows {@code HX-Redirect}), rather than being given the
	 * login form in place of the part; after signing in, the browser comes back.
	 */
	private static AuthenticationEntryPoint toLogin() {
		AuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (request.getHeader("HX-Request") == null) {
				form.commence(request, response, exception);
				return;
			}
			response.setHeader("HX-Redirect", "/login");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new TenantResolver());
	}

	private static HttpSecurity stateless(HttpSecurity http, String challenge) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refused(challenge))
				.accessDeniedHandler(forbidden()));
	}

	/** 401, whatever was wrong with the credentials: the answer tells nothing apart. */
	private static AuthenticationEntryPoint refused(String challenge) {
		return (request, response, exception) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"this needs credentials: an API key (Authorization: Bearer p2p_…) for /api/v1, "
							+ "a staff account for the admin API");
		};
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> Problems.write(response, HttpStatus.FORBIDDEN,
				"these credentials may not do this");
	}

}
