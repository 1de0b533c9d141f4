package com.prompt2pixel.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller's {@link Tenant} parameter the merchant of the request's API key:
 * the one place a request's merchant comes from.
 */
class TenantResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Tenant.class;
	}

	@Override
	public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof MerchantAuthentication merchant) {
			return new Tenant(merchant.key().merchant());
		}
		// the security policy lets no request without a key reach a merchant's endpoint
		throw new IllegalStateException("a merchant endpoint was reached without a merchant's API key");
	}

}
