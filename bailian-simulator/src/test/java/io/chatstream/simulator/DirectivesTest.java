package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
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
    @DisplayName("[sim:error=CODE] and [sim:error-sse=CODE] take a known DashScope error code")
    void errorCodes() {
        Directives error = Directives.parse("[sim:error=Throttling.AllocationQuota] hi");
        Directives sse = Directives.parse("[sim:error-sse=ModelNotFound]");

        assertThat(error.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(error.errorCode()).isEqualTo(new ErrorCode("Throttling.AllocationQuota", 429,
                "Allocated quota exceeded, please increase your quota limit."));
        assertThat(sse.outcome()).isEqualTo(Outcome.ERROR_SSE);
        assertThat(sse.errorCode().status()).isEqualTo(404);
        assertThat(sse.errorCode().message()).isEqualTo("Model not exist.");
        assertThatThrownBy(() -> Directives.parse("[sim:error=NoSuchCode]")).hasMessageContaining("NoSuchCode");
        assertThatThrownBy(() -> Directives.parse("[sim:error]")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Directives.parse("[sim:error-sse=]")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Directives.parse("[sim:throttle] [sim:error=typo]"))
                .as("a losing outcome marker must still be well-formed").hasMessageContaining("typo");
    }

    @Test
    @DisplayName("[sim:error-mid] fails with InternalError.Algo, [sim:error-mid=CODE] with CODE")
    void errorMid() {
        assertThat(Directives.parse("[sim:error-mid]").errorCode().code()).isEqualTo("InternalError.Algo");
        assertThat(Directives.parse("[sim:error-mid=DataInspectionFailed]").errorCode().code())
                .isEqualTo("DataInspectionFailed");
        assertThat(Directives.parse("[sim:cut]").errorCode()).isNull();
    }

    @Test
    @DisplayName("[sim:html502] and [sim:plain200] are outcomes without a value")
    void transportOutcomes() {
        assertThat(Directives.parse("[sim:html502]").outcome()).isEqualTo(Outcome.HTML_502);
        assertThat(Directives.parse("[sim:plain200] [sim:chunks=2]").outcome()).isEqualTo(Outcome.PLAIN_200);
        assertThatThrownBy(() -> Directives.parse("[sim:html502=1]")).hasMessageContaining("takes no value");
    }

    @Test
    @DisplayName("[sim:think=N] asks for N reasoning deltas and combines with an outcome")
    void think() {
        Directives directives = Directives.parse("[sim:think=4] [sim:error-mid] hi");

        assertThat(directives.thinking()).isEqualTo(4);
        assertThat(directives.outcome()).isEqualTo(Outcome.ERROR_MID);
        assertThat(Directives.parse("hi").thinking()).isNull();
        assertThatThrownBy(() -> Directives.parse("[sim:think=0]")).hasMessageContaining("[1, 100000]");
        assertThatThrownBy(() -> Directives.parse("[sim:think]")).hasMessageContaining("needs a value");
    }

    @Test
    @DisplayName("the error table has the status the real service answers each code with")
    void errorTable() {
        assertThat(ErrorCode.known()).hasSize(16);
        assertThat(ErrorCode.known().values()).allSatisfy(code -> assertThat(code.message()).isNotBlank());
        Map<String, Integer> statuses = new TreeMap<>();
        ErrorCode.known().forEach((code, error) -> statuses.put(code, error.status()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("InvalidParameter", 400), entry("DataInspectionFailed", 400),
                entry("Arrearage", 400), entry("InvalidApiKey", 401),
                entry("AccessDenied", 403), entry("ModelNotFound", 404),
                entry("Throttling", 429), entry("Throttling.RateQuota", 429),
                entry("Throttling.AllocationQuota", 429), entry("PrepaidBillOverdue", 429),
                entry("PostpaidBillOverdue", 429), entry("CommodityNotPurchased", 429),
                entry("InternalError", 500), entry("InternalError.Algo", 500),
                entry("InternalError.Algo.DataInspectionFailed", 500),
                entry("ServiceUnavailable", 503)));
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
