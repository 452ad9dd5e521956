package dev.resumescreening.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** The evaluate command's learning curve: held-out ROC AUC against reviews, a line per model and reference. */
final class LearningCurvePlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 250;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    /** Series: the report's key, its legend and its colour (distinguishable in greyscale too, by dash). */
    private static final Object[][] SERIES = {
        {"active_model", "live model", new Color(0x1b5e20), new float[] {1}},
        {"candidate_model", "trained candidate", new Color(0x0d47a1), new float[] {6, 4}},
        {"baseline", "day-one model (version 0)", new Color(0xb71c1c), new float[] {1}},
        {"reference_lexical_cosine", "lexical cosine (no learning)", new Color(0x6d4c41), new float[] {2, 4}},
        {"reference_fully_supervised", "fully supervised ceiling", new Color(0x4a148c), new float[] {10, 4}},
    };

    private LearningCurvePlot() {}

    static void write(List<Map<String, Object>> lines, Path file) throws IOException {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        double low = 1;
        double maxReviews = 1;
        for (Object[] series : SERIES) {
            List<double[]> curve = new ArrayList<>();
            for (Map<String, Object> line : lines) {
                if (line.get(series[0]) instanceof Map<?, ?> model
                        && model.get("auc") instanceof Number auc
                        && Double.isFinite(auc.doubleValue())) {
                    double reviews = ((Number) line.get("reviews")).doubleValue();
                    curve.add(new double[] {reviews, auc.doubleValue()});
                    low = Math.min(low, auc.doubleValue());
                    maxReviews = Math.max(maxReviews, reviews);
                }
            }
            points.put((String) series[0], curve);
        }
        low = Math.max(0, Math.floor(low * 50) / 50 - 0.02);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Held-out ROC AUC against reviews", LEFT, 30);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        for (int tick = 0; tick <= 5; tick++) {
            double auc = low + (1 - low) * tick / 5;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * tick / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, LEFT + plotWidth - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3f", auc), LEFT - 45, y + 4);
        }
        for (int tick = 0; tick <= 4; tick++) {
            double reviews = maxReviews * tick / 4;
            int x = LEFT + (int) Math.round(plotWidth * tick / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.0f", reviews), x - 10, TOP + plotHeight + 18);
        }
        g.drawString("reviews", LEFT + plotWidth / 2 - 20, HEIGHT - 25);
        int legendY = TOP + 10;
        for (Object[] series : SERIES) {
            List<double[]> curve = points.get((String) series[0]);
            g.setColor((Color) series[2]);
            g.setStroke(
                    new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, (float[]) series[3], 0));
            int[] xs = new int[curve.size()];
            int[] ys = new int[curve.size()];
            for (int i = 0; i < curve.size(); i++) {
                xs[i] = LEFT + (int) Math.round(plotWidth * curve.get(i)[0] / maxReviews);
                ys[i] = TOP + plotHeight - (int) Math.round(plotHeight * (curve.get(i)[1] - low) / (1 - low));
                g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
            }
            g.drawPolyline(xs, ys, xs.length);
            g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString((String) series[1], WIDTH - RIGHT + 52, legendY + 4);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
