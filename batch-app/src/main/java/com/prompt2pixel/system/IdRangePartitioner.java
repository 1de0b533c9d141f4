package com.prompt2pixel.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the rows of one import's products, or of one run's tasks, into id ranges of
 * (nearly) equal size, one per partition; each partition's context carries its
 * {@value #MIN_ID} and {@value #MAX_ID}.
 */
public class IdRangePartitioner implements Partitioner {

	public static final String MIN_ID = "minId";

	public static final String MAX_ID = "maxId";

	private static final String RANGES = """
			SELECT min(id), max(id)
			FROM (SELECT id, ntile(?) OVER (ORDER BY id) AS part FROM %s WHERE %s = ?) parts
			GROUP BY part
			ORDER BY 1""";

	private final JdbcTemplate jdbc;

	private final String query;

	private final long owner;

	private final String prefix;

	IdRangePartitioner(JdbcTemplate jdbc, String table, String ownerColumn, long owner, String prefix) {
		this.jdbc = jdbc;
		this.query = RANGES.formatted(table, ownerColumn);
		this.owner = owner;
		this.prefix = prefix;
	}

	/** The products an import last saw. */
	public static IdRangePartitioner importedProducts(JdbcTemplate jdbc, long importId) {
		return new IdRangePartitioner(jdbc, "product", "last_import_id", importId, "products");
	}

	/** A run's render tasks. */
	public static IdRangePartitioner runTasks(JdbcTemplate jdbc, long runId) {
		return new IdRangePartitioner(jdbc, "render_task", "run_id", runId, "tasks");
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<long[]> ranges = this.jdbc.query(this.query, (rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) },
				gridSize, this.owner);
		if (ranges.isEmpty()) {
			// no rows: one empty range, so the step still runs (and completes) once
			ranges = List.of(new long[] { 0, -1 });
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i < ranges.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(MIN_ID, ranges.get(i)[0]);
			context.putLong(MAX_ID, ranges.get(i)[1]);
			partitions.put(this.prefix + i, context);
		}
		return partitions;
	}

}
