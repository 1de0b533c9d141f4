package com.prompt2pixel.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security checks the form it posts. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

}
