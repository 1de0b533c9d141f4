package com.prompt2pixel.admin;

import java.util.Set;
import java.util.stream.Collectors;

import com.prompt2pixel.security.StaffRole;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every admin page knows: who is signed in and what the role may do (so that a page
 * shows only that), and the formats. A missing object is the 404 page, not the API's
 * problem detail.
 */
@ControllerAdvice(basePackageClasses = StaffAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffAdvice {

	@ModelAttribute("staff")
	Staff staff(Authentication authentication) {
		return Staff.of(authentication);
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return Formats.INSTANCE;
	}

	@ExceptionHandler(ResponseStatusException.class)
	ModelAndView status(ResponseStatusException ex, Authentication authentication) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(ex.getStatusCode().value()));
		page.addObject("status", ex.getStatusCode().value());
		page.addObject("message", ex.getReason());
		page.addObject("staff", Staff.of(authentication));
		return page;
	}

	/**
	 * The signed-in member of staff.
	 *
	 * @param operates may start, stop and change runs, and change settings (operators and
	 * admins; keys and accounts stay with admins)
	 * @param reviews may decide on held images (reviewers and admins)
	 */
	record Staff(String name, Set<String> roles, boolean operates, boolean reviews) {

		static Staff of(Authentication authentication) {
			if (authentication == null || !authentication.isAuthenticated()) {
				return new Staff(null, Set.of(), false, false);
			}
			Set<String> roles = authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority.startsWith("ROLE_"))
				.map((authority) -> authority.substring("ROLE_".length()))
				.collect(Collectors.toSet());
			boolean operates = roles.contains(StaffRole.ADMIN.name()) || roles.contains(StaffRole.OPERATOR.name());
			boolean reviews = roles.contains(StaffRole.ADMIN.name()) || roles.contains(StaffRole.REVIEWER.name());
			return new Staff(authentication.getName(), roles, operates, reviews);
		}

	}

}
