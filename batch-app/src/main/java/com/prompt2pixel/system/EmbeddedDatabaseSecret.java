package com.prompt2pixel.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded PostgreSQL superuser's password: random, made once, kept in a file only
 * the process's user may read ({@code 0600}) beside the database's folder. The server
 * asks it of every connection (SCRAM), so that another local user of the machine cannot
 * connect, as PostgreSQL's own guidance says of {@code trust} on a shared machine.
 */
final class EmbeddedDatabaseSecret {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private EmbeddedDatabaseSecret() {
	}

	/** The file that holds the password of the database in {@code dir}. */
	static Path fileFor(Path dir) {
		return dir.resolveSibling(dir.getFileName() + ".password");
	}

	/**
	 * The password in the file, made first when there is none.
	 * @throws EnvironmentProblem when the file cannot be read or made, or others may read
	 * it
	 */
	static String readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
					Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
				}
				catch (FileAlreadyExistsException ex) {
					// made by a process that started at the same instant: read its own
				}
			}
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY.containsAll(permissions)) {
				throw new EnvironmentProblem("the embedded database's password file " + file + " may be read by "
						+ "others (" + PosixFilePermissions.toString(permissions) + "); chmod 600 it");
			}
			String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (password.isEmpty()) {
				throw new EnvironmentProblem("the embedded database's password file " + file + " is empty");
			}
			return password;
		}
		catch (IOException ex) {
			throw new EnvironmentProblem(
					"cannot read or make the embedded database's password file " + file + ": " + ex.getMessage(), ex);
		}
	}

}
