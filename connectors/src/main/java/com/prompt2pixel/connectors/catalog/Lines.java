package com.prompt2pixel.connectors.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The data rows below the header, with one row of look-ahead (a Shopify product spans
 * rows) and a queue of problems found on rows that did not sink their product.
 */
final class Lines {

	private final RowSource source;

	private final Header header;

	private final Deque<RowProblem> problems = new ArrayDeque<>();

	private Line peeked;

	private long read;

	Lines(RowSource source, Header header, Line first) {
		this.source = source;
		this.header = header;
		this.peeked = first;
	}

	/** The next row without taking it, or null after the last one. */
	Line peek() {
		if (this.peeked == null) {
			List<String> cells = this.source.next();
			this.peeked = (cells != null) ? new Line(this.source.rowNumber(), cells) : null;
		}
		return this.peeked;
	}

	/**
	 * Takes the next row, or null after the last one.
	 * @throws InvalidCatalogRowException when one of its cells is too long (the row is
	 * taken all the same)
	 */
	Line take() {
		Line line = peek();
		this.peeked = null;
		if (line == null) {
			return null;
		}
		this.read++;
		List<String> cells = line.cells();
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (cell.length() > CatalogLimits.MAX_CELL_CHARS) {
				throw new InvalidCatalogRowException(line.number(), column(i), "has " + cell.length()
						+ " characters; a cell may hold at most " + CatalogLimits.MAX_CELL_CHARS);
			}
			if (cell.indexOf('\u0000') >= 0) {
				throw new InvalidCatalogRowException(line.number(), column(i),
						"contains a NUL character, which no text holds (binary data?)");
			}
		}
		return line;
	}

	/** The column's name for messages: its header, or its position past the header. */
	String column(int index) {
		return (index >= 0 && index < this.header.size()) ? this.header.name(index) : "column " + (index + 1);
	}

	void report(RowProblem problem) {
		this.problems.add(problem);
	}

	RowProblem nextProblem() {
		return this.problems.poll();
	}

	/** Data rows taken so far. */
	long read() {
		return this.read;
	}

}
