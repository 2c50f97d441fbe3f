package io.chatstream.simulator;

import java.util.List;

/**
 * One block of a generated answer (a paragraph, a heading, a list, a code block, a table):
 * the deltas that stream it and the text a reader sees once its Markdown is rendered.
 *
 * @param pieces  the deltas, each non-empty; joined they are the block's Markdown, ending in a blank
 *                line unless the block ends the answer
 * @param visible the block's words without Markdown syntax, one line per line of the rendered block
 */
record Block(List<String> pieces, String visible) {

    Block {
        pieces = List.copyOf(pieces);
    }

    int size() {
        return pieces.size();
    }
}
