package com.prompt2pixel.security;

import java.time.OffsetDateTime;

/**
 * A member of staff as listed: never the password hash.
 *
 * @param lockedUntil null unless too many failed logins locked the account
 */
public record StaffAccount(String email, StaffRole role, OffsetDateTime createdAt, OffsetDateTime lockedUntil) {
}
