package org.ybdesk.desk;

import java.awt.Dimension;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * A panel inside a scroll pane that takes the viewport's width (so wrapped text wraps at the visible edge, no
 * sideways scrolling) and scrolls vertically only. With {@code fillHeight} it also stretches to a taller viewport;
 * without, the viewport's background shows below its content.
 */
final class ScrollablePanel extends JPanel implements Scrollable {
    private final boolean fillHeight;

    ScrollablePanel(LayoutManager layout, boolean fillHeight) {
        super(layout);
        this.fillHeight = fillHeight;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 24;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? Math.max(24, visible.height - 24) : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return fillHeight && getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
