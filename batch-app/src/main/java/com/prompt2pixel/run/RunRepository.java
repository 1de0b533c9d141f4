package com.prompt2pixel.run;

import com.prompt2pixel.ingest.CatalogImports;
import com.prompt2pixel.merchant.Merchants;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs and their catalog imports.
 */
@Repository
public class RunRepository {

	private final JdbcTemplate jdbc;

	private final Merchants merchants;

	private final CatalogImports imports;

	RunRepository(JdbcTemplate jdbc, Merchants merchants, CatalogImports imports) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.imports = imports;
	}

	/** Creates the run, its catalog import and, on first sight, the merchant. */
	@Transactional
	public GenerationRun create(RunRequest request) {
		this.merchants.ensure(request.merchantId());
		long id = this.jdbc.queryForObject("SELECT nextval('generation_run_id_seq')", Long.class);
		Path outDir = ((request.outDir() != null) ? request.outDir() : Path.of("out", "run-" + id)).toAbsolutePath()
			.normalize();
		this.jdbc.update(
				"""
						INSERT INTO generation_run (id, merchant_id, kind, status, catalog_file, template_set, variants, out_dir)
						VALUES (?, ?, 'UPLOAD', 'QUEUED', ?, ?, ?, ?)""",
				id, request.merchantId(), request.catalogFile().toAbsolutePath().normalize().toString(),
				request.templateSet(), request.variants(), outDir.toString());
		this.imports.create(request.importRequest(), id);
		return find(id).orElseThrow();
	}

	public Optional<GenerationRun> find(long id) {
		return this.jdbc
			.query("""
					SELECT r.id, r.merchant_id, r.status, r.catalog_file, r.template_set, r.variants, r.out_dir,
					       i.id AS import_id
					FROM generation_run r JOIN catalog_import i ON i.run_id = r.id
					WHERE r.id = ?""", (rs, row) -> new GenerationRun(rs.getLong("id"), rs.getString("merchant_id"),
					rs.getString("status"), Path.of(rs.getString("catalog_file")), rs.getString("template_set"),
					rs.getObject("variants", Integer.class), Path.of(rs.getString("out_dir")), rs.getLong("import_id")),
					id)
			.stream()
			.findFirst();
	}

	/**
	 * @throws IllegalArgumentException when there is no such run
	 */
	public GenerationRun get(long id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("no run with id " + id));
	}

	void markRunning(long id) {
		this.jdbc.update("""
				UPDATE generation_run
				SET status = 'RUNNING', failure = NULL, finished_at = NULL, started_at = coalesce(started_at, now())
				WHERE id = ?""", id);
	}

	void markFinished(long id, RunStatus status, String failure) {
		this.jdbc.update("UPDATE generation_run SET status = ?, failure = ?, finished_at = now() WHERE id = ?",
				status.name(), failure, id);
	}

	/** Whether the run was submitted in the on-demand lane. */
	public boolean isOnDemand(long id) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT submitted AND priority = 'ON_DEMAND' FROM generation_run WHERE id = ?", Boolean.class, id));
	}

	void markStopping(long id) {
		this.jdbc.update("UPDATE generation_run SET status = 'STOPPING' WHERE id = ? AND status = 'RUNNING'", id);
	}

}
