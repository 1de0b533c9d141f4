package com.prompt2pixel.system;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDataFolderTest {

	@TempDir
	Path dir;

	@Test
	void shouldAcceptAFolderThatNoServerHasUsed() {
		assertThatCode(() -> EmbeddedDataFolder.prepare(this.dir)).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAFolderWhoseLockIsHeld() throws Exception {
		Path lockFile = Files.createFile(this.dir.resolve("epg-lock"));
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			assertThatThrownBy(() -> EmbeddedDataFolder.prepare(this.dir)).isInstanceOf(EnvironmentProblem.class)
				.hasMessage("the embedded PostgreSQL in " + this.dir
						+ " is in use by another prompt2pixel process; wait for it to finish, or point P2P_DATA_DIR at another folder");
		}
	}

	@Test
	void shouldLeaveAProcessAloneThatIsNotPostgres() throws Exception {
		Files.createFile(this.dir.resolve("epg-lock"));
		Files.writeString(this.dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + this.dir + "\n");

		EmbeddedDataFolder.prepare(this.dir);

		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

}
