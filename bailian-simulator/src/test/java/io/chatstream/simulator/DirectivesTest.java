package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DirectivesTest {

    @Test
    @DisplayName("a message without markers is a normal answer of the configured length")
    void noMarker() {
        Directives directives = Directives.parse("just a question");

        assertThat(directives.outcome()).isEqualTo(Outcome.NORMAL);
        assertThat(directives.chunkCount(24)).isEqualTo(24);
        assertThat(directives.markers()).isEmpty();
        assertThat(directives.strippedText()).isEqualTo("just a question");
    }

    @Test
    @DisplayName("length and timing markers combine with one outcome marker, anywhere in the text")
    void combined() {
        Directives directives = Directives.parse("a [sim:delay=10,2] b [sim:chunks=7] [sim:error-mid] c [sim:fail-first=1]");

        assertThat(directives.outcome()).isEqualTo(Outcome.ERROR_MID);
        assertThat(directives.chunkCount(24)).isEqualTo(7);
        assertThat(directives.firstToken()).isEqualTo(Duration.ofMillis(10));
        assertThat(directives.interChunk()).isEqualTo(Duration.ofMillis(2));
        assertThat(directives.failFirst()).isEqualTo(1);
        assertThat(directives.markers()).containsExactly("delay", "chunks", "error-mid", "fail-first");
        assertThat(directives.strippedText()).isEqualTo("a  b   c");
    }

    @Test
    @DisplayName("[sim:long] multiplies the configured length by ten, an explicit count wins")
    void longAnswer() {
        assertThat(Directives.parse("[sim:long]").chunkCount(24)).isEqualTo(240);
        assertThat(Directives.parse("[sim:long][sim:chunks=5]").chunkCount(24)).isEqualTo(5);
    }

    @Test
    @DisplayName("[sim:stamp] asks for emit times and combines with the other markers")
    void stamp() {
        assertThat(Directives.parse("[sim:stamp] [sim:chunks=3]").stamp()).isTrue();
        assertThat(Directives.parse("plain").stamp()).isFalse();
        assertThatThrownBy(() -> Directives.parse("[sim:stamp=1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the first outcome marker wins")
    void firstOutcomeWins() {
        assertThat(Directives.parse("[sim:cut] [sim:throttle]").outcome()).isEqualTo(Outcome.CUT);
    }

    @Test
    @DisplayName("[sim:stall=MS] asks for a shorter stall")
    void stallLength() {
        assertThat(Directives.parse("[sim:stall=250]").stall()).isEqualTo(Duration.ofMillis(250));
        assertThat(Directives.parse("[sim:stall]").stall()).isNull();
    }

    @Test
    @DisplayName("unknown or malformed markers are refused as bad input")
    void malformed() {
        assertThatThrownBy(() -> Directives.parse("[sim:explode]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Directives.parse("[sim:chunks=abc]")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Directives.parse("[sim:chunks=0]")).hasMessageContaining("[1, 100000]");
        assertThatThrownBy(() -> Directives.parse("[sim:delay=5]")).hasMessageContaining("two");
        assertThatThrownBy(() -> Directives.parse("[sim:echo=1]")).hasMessageContaining("takes no value");
    }
}
