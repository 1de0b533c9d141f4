import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import javax.imageio.ImageIO;

/**
 * Draws the sample catalog's product photos (simple product shapes on a white studio
 * background) and writes catalog.csv beside them. The output is committed; rerun with
 * {@code java samples/DrawSamplePhotos.java samples} after changing a product here.
 */
public class DrawSamplePhotos {

	private static final int SIZE = 512;

	record Product(String sku, String title, String category, String vendor, String description,
			BiConsumer<Graphics2D, Color> painter, Color colour) {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : "samples");
		Files.createDirectories(folder.resolve("photos"));
		List<Product> products = List.of(
				new Product("MUG-CLAY-01", "Terracotta Stoneware Mug", "Kitchen", "Oakline Home",
						"<p>Hand-glazed stoneware mug, 350&nbsp;ml. Dishwasher safe.</p>", DrawSamplePhotos::mug,
						new Color(196, 98, 62)),
				new Product("MUG-SAGE-02", "Sage Green Espresso Mug", "Kitchen", "Oakline Home",
						"A small matte mug for espresso, 120 ml.", DrawSamplePhotos::mug, new Color(132, 160, 120)),
				new Product("MUG-NAVY-03", "Navy Enamel Camp Mug", "Kitchen", "Trailhead",
						"Enamel-coated steel mug with a rolled rim.", DrawSamplePhotos::mug, new Color(38, 56, 102)),
				new Product("TEAPOT-04", "Cast Iron Teapot", "Kitchen", "Kettle & Co",
						"Cast iron teapot with a stainless infuser, 0.9 l.", DrawSamplePhotos::teapot,
						new Color(52, 52, 58)),
				new Product("JAR-05", "Glass Storage Jar with Oak Lid", "Kitchen", "Oakline Home",
						"Airtight borosilicate jar, 1 l, for coffee, oats or pasta.", DrawSamplePhotos::jar,
						new Color(170, 205, 215)),
				new Product("BOARD-06", "Walnut Cutting Board", "Kitchen", "Grain Studio",
						"End-grain walnut board, 40 x 28 cm, oiled.", DrawSamplePhotos::board,
						new Color(112, 74, 46)),
				new Product("BOWL-07", "Speckled Ceramic Serving Bowl", "Tableware", "Oakline Home",
						"Wide serving bowl, 28 cm, speckled cream glaze.", DrawSamplePhotos::bowl,
						new Color(226, 214, 190)),
				new Product("BOWL-08", "Indigo Ramen Bowl", "Tableware", "Kiln & Clay",
						"Deep bowl for noodles and soups, 1.1 l.", DrawSamplePhotos::bowl, new Color(50, 70, 140)),
				new Product("PLATE-09", "Coral Dinner Plate", "Tableware", "Kiln & Clay",
						"Stoneware dinner plate, 27 cm, coral rim.", DrawSamplePhotos::plate, new Color(236, 120, 100)),
				new Product("PITCHER-10", "Ribbed Glass Pitcher", "Tableware", "Clearwater",
						"Ribbed glass pitcher, 1.2 l.", DrawSamplePhotos::pitcher, new Color(120, 180, 200)),
				new Product("GLASS-11", "Amber Wine Glass", "Tableware", "Clearwater",
						"Mouth-blown wine glass in amber, 40 cl.", DrawSamplePhotos::wineGlass,
						new Color(214, 150, 40)),
				new Product("VASE-12", "Tall Ochre Vase", "Home Decor", "Grain Studio",
						"Tall ceramic vase, 35 cm, for dried flowers.", DrawSamplePhotos::tallVase,
						new Color(204, 150, 60)),
				new Product("VASE-13", "Round Moss Vase", "Home Decor", "Grain Studio",
						"Round bud vase with a narrow neck, 18 cm.", DrawSamplePhotos::roundVase,
						new Color(90, 120, 70)),
				new Product("CANDLE-14", "Blush Pillar Candle", "Home Decor", "Wick & Wax",
						"Unscented soy pillar candle, 40 hours.", DrawSamplePhotos::candle, new Color(232, 180, 176)),
				new Product("POT-15", "Concrete Plant Pot with Fern", "Home Decor", "Greenroom",
						"Concrete pot, 16 cm, with a live Boston fern.", DrawSamplePhotos::plantPot,
						new Color(150, 150, 146)),
				new Product("CLOCK-16", "Minimal Wall Clock", "Home Decor", "Hourglass",
						"Silent wall clock, 30 cm, black hands.", DrawSamplePhotos::clock, new Color(30, 30, 30)),
				new Product("FRAME-17", "Oak Picture Frame", "Home Decor", "Grain Studio",
						"Solid oak frame for A4 prints.", DrawSamplePhotos::frame, new Color(186, 140, 90)),
				new Product("LAMP-18", "Linen Table Lamp", "Lighting", "Lumen Works",
						"Ceramic base with a natural linen shade, E27.", DrawSamplePhotos::tableLamp,
						new Color(205, 188, 158)),
				new Product("PENDANT-19", "Brass Dome Pendant", "Lighting", "Lumen Works",
						"Brushed brass dome pendant light, 35 cm.", DrawSamplePhotos::pendant,
						new Color(190, 150, 70)),
				new Product("LANTERN-20", "Black Metal Lantern", "Lighting", "Trailhead",
						"Metal lantern with glass panes, for candles or LED.", DrawSamplePhotos::lantern,
						new Color(40, 40, 44)));
		try (Writer csv = Files.newBufferedWriter(folder.resolve("catalog.csv"), StandardCharsets.UTF_8)) {
			csv.write("sku,title,description,category,vendor,image\n");
			for (Product product : products) {
				String photo = "photos/" + product.sku().toLowerCase() + ".png";
				ImageIO.write(draw(product), "png", folder.resolve(photo).toFile());
				csv.write(String.join(",", product.sku(), quote(product.title()), quote(product.description()),
						product.category(), quote(product.vendor()), photo) + "\n");
			}
		}
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static BufferedImage draw(Product product) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, SIZE, SIZE);
		product.painter().accept(g, product.colour());
		g.dispose();
		return image;
	}

	/** A left-lit vertical gradient of the colour: gives flat shapes some volume. */
	private static GradientPaint shade(Color colour, double x, double width) {
		return new GradientPaint((float) x, 0, colour.brighter(), (float) (x + width), 0, colour.darker());
	}

	static void mug(Graphics2D g, Color c) {
		g.setColor(c.darker());
		g.setStroke(new BasicStroke(26));
		g.draw(new Arc2D.Double(300, 200, 110, 130, -90, 180, Arc2D.OPEN));
		g.setPaint(shade(c, 130, 200));
		g.fill(new RoundRectangle2D.Double(130, 150, 200, 240, 30, 30));
		g.setColor(c.darker().darker());
		g.fill(new Ellipse2D.Double(130, 138, 200, 30));
	}

	static void teapot(Graphics2D g, Color c) {
		g.setPaint(shade(c, 120, 260));
		g.fill(new Ellipse2D.Double(120, 190, 260, 200));
		GeneralPath spout = new GeneralPath();
		spout.moveTo(140, 300);
		spout.lineTo(60, 220);
		spout.lineTo(80, 210);
		spout.lineTo(170, 270);
		g.fill(spout);
		g.setStroke(new BasicStroke(22));
		g.setColor(c);
		g.draw(new Arc2D.Double(170, 110, 160, 160, 20, 140, Arc2D.OPEN));
		g.setColor(c.darker());
		g.fill(new Ellipse2D.Double(210, 170, 80, 36));
	}

	static void jar(Graphics2D g, Color c) {
		g.setPaint(shade(c, 150, 210));
		g.fill(new RoundRectangle2D.Double(150, 170, 210, 260, 40, 40));
		g.setPaint(shade(new Color(180, 130, 80), 160, 190));
		g.fill(new RoundRectangle2D.Double(160, 120, 190, 60, 16, 16));
		g.setColor(new Color(120, 80, 40));
		g.fill(new Rectangle2D.Double(180, 260, 150, 120));
	}

	static void board(Graphics2D g, Color c) {
		g.setPaint(shade(c, 80, 350));
		g.fill(new RoundRectangle2D.Double(80, 150, 350, 240, 40, 40));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(380, 255, 30, 30));
		g.setColor(c.darker());
		for (int y = 180; y < 370; y += 30) {
			g.drawLine(110, y, 360, y + 8);
		}
	}

	static void bowl(Graphics2D g, Color c) {
		g.setPaint(shade(c, 80, 350));
		g.fill(new Arc2D.Double(80, 100, 350, 300, 180, 180, Arc2D.CHORD));
		g.setColor(c.darker());
		g.fill(new Ellipse2D.Double(80, 230, 350, 40));
		g.setColor(c.darker().darker());
		g.fill(new RoundRectangle2D.Double(200, 390, 110, 24, 10, 10));
	}

	static void plate(Graphics2D g, Color c) {
		g.setColor(c);
		g.fill(new Ellipse2D.Double(70, 70, 370, 370));
		g.setColor(new Color(245, 240, 232));
		g.fill(new Ellipse2D.Double(120, 120, 270, 270));
		g.setColor(new Color(225, 220, 210));
		g.setStroke(new BasicStroke(3));
		g.draw(new Ellipse2D.Double(120, 120, 270, 270));
	}

	static void pitcher(Graphics2D g, Color c) {
		GeneralPath body = new GeneralPath();
		body.moveTo(170, 110);
		body.lineTo(330, 110);
		body.lineTo(360, 420);
		body.lineTo(140, 420);
		body.closePath();
		g.setPaint(shade(c, 140, 220));
		g.fill(body);
		g.setStroke(new BasicStroke(20));
		g.setColor(c.darker());
		g.draw(new Arc2D.Double(300, 160, 110, 170, -90, 180, Arc2D.OPEN));
		g.setStroke(new BasicStroke(4));
		for (int x = 175; x < 340; x += 22) {
			g.drawLine(x, 125, x - 6 + (x - 250) / 8, 410);
		}
	}

	static void wineGlass(Graphics2D g, Color c) {
		g.setPaint(shade(c, 170, 170));
		g.fill(new Arc2D.Double(170, 40, 170, 260, 180, 180, Arc2D.CHORD));
		g.fill(new Rectangle2D.Double(170, 100, 170, 72));
		g.setColor(c.darker());
		g.fill(new Rectangle2D.Double(246, 300, 18, 120));
		g.fill(new Ellipse2D.Double(180, 410, 150, 30));
	}

	static void tallVase(Graphics2D g, Color c) {
		GeneralPath vase = new GeneralPath();
		vase.moveTo(215, 40);
		vase.lineTo(295, 40);
		vase.curveTo(290, 140, 370, 220, 350, 470);
		vase.lineTo(160, 470);
		vase.curveTo(140, 220, 220, 140, 215, 40);
		vase.closePath();
		g.setPaint(shade(c, 150, 210));
		g.fill(vase);
	}

	static void roundVase(Graphics2D g, Color c) {
		g.setPaint(shade(c, 120, 270));
		g.fill(new Ellipse2D.Double(120, 180, 270, 250));
		g.fill(new Rectangle2D.Double(225, 110, 60, 90));
		g.setColor(c.darker());
		g.fill(new Ellipse2D.Double(220, 100, 70, 22));
	}

	static void candle(Graphics2D g, Color c) {
		g.setPaint(shade(c, 180, 150));
		g.fill(new RoundRectangle2D.Double(180, 170, 150, 280, 16, 16));
		g.setColor(new Color(60, 50, 40));
		g.fill(new Rectangle2D.Double(252, 140, 6, 32));
		g.setColor(new Color(250, 190, 60));
		g.fill(new Ellipse2D.Double(240, 90, 30, 55));
	}

	static void plantPot(Graphics2D g, Color c) {
		g.setColor(new Color(60, 130, 60));
		for (int i = 0; i < 9; i++) {
			double angle = Math.toRadians(200 + i * 17.5);
			int x = (int) (255 + 190 * Math.cos(angle));
			int y = (int) (290 + 190 * Math.sin(angle));
			g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.drawLine(255, 290, x, y);
		}
		GeneralPath pot = new GeneralPath();
		pot.moveTo(160, 280);
		pot.lineTo(350, 280);
		pot.lineTo(325, 460);
		pot.lineTo(185, 460);
		pot.closePath();
		g.setPaint(shade(c, 160, 190));
		g.fill(pot);
	}

	static void clock(Graphics2D g, Color c) {
		g.setColor(c);
		g.fill(new Ellipse2D.Double(90, 90, 330, 330));
		g.setColor(new Color(250, 248, 244));
		g.fill(new Ellipse2D.Double(106, 106, 298, 298));
		g.setColor(c);
		g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawLine(255, 255, 255, 150);
		g.drawLine(255, 255, 330, 290);
		for (int i = 0; i < 12; i++) {
			double angle = Math.toRadians(i * 30);
			g.drawLine((int) (255 + 130 * Math.cos(angle)), (int) (255 + 130 * Math.sin(angle)),
					(int) (255 + 140 * Math.cos(angle)), (int) (255 + 140 * Math.sin(angle)));
		}
	}

	static void frame(Graphics2D g, Color c) {
		g.setPaint(shade(c, 110, 290));
		g.fill(new Rectangle2D.Double(110, 60, 290, 390));
		g.setColor(new Color(240, 236, 228));
		g.fill(new Rectangle2D.Double(140, 90, 230, 330));
		g.setPaint(new GradientPaint(0, 150, new Color(120, 170, 210), 0, 360, new Color(70, 120, 90)));
		g.fill(new Rectangle2D.Double(170, 130, 170, 250));
	}

	static void tableLamp(Graphics2D g, Color c) {
		GeneralPath shadeShape = new GeneralPath();
		shadeShape.moveTo(190, 70);
		shadeShape.lineTo(320, 70);
		shadeShape.lineTo(380, 230);
		shadeShape.lineTo(130, 230);
		shadeShape.closePath();
		g.setPaint(shade(c, 130, 250));
		g.fill(shadeShape);
		g.setPaint(shade(new Color(90, 110, 130), 190, 130));
		g.fill(new Ellipse2D.Double(190, 230, 130, 190));
		g.setColor(new Color(70, 80, 90));
		g.fill(new RoundRectangle2D.Double(200, 410, 110, 30, 12, 12));
	}

	static void pendant(Graphics2D g, Color c) {
		g.setColor(new Color(30, 30, 30));
		g.setStroke(new BasicStroke(5));
		g.drawLine(255, 20, 255, 200);
		g.setPaint(shade(c, 90, 330));
		g.fill(new Arc2D.Double(90, 190, 330, 300, 0, 180, Arc2D.CHORD));
		g.setColor(new Color(255, 230, 160));
		g.fill(new Ellipse2D.Double(215, 320, 80, 40));
	}

	static void lantern(Graphics2D g, Color c) {
		g.setColor(c);
		g.setStroke(new BasicStroke(14));
		g.draw(new Arc2D.Double(205, 40, 100, 100, 0, 180, Arc2D.OPEN));
		g.fill(new Rectangle2D.Double(160, 110, 190, 40));
		g.fill(new Rectangle2D.Double(160, 420, 190, 40));
		g.setColor(new Color(230, 232, 226));
		g.fill(new Rectangle2D.Double(175, 150, 160, 270));
		g.setColor(c);
		g.fill(new Rectangle2D.Double(160, 150, 16, 270));
		g.fill(new Rectangle2D.Double(334, 150, 16, 270));
		g.fill(new Rectangle2D.Double(247, 150, 16, 270));
		g.setColor(new Color(250, 190, 60));
		g.fill(new Ellipse2D.Double(232, 330, 46, 70));
	}

}
