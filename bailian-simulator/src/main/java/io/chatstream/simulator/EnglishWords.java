package io.chatstream.simulator;

import io.chatstream.simulator.Phrasebook.Part;
import java.util.EnumMap;
import java.util.Map;

/** Plain English for answers to prompts without Chinese characters. Subjects are singular, verbs agree. */
final class EnglishWords {

    private EnglishWords() {
    }

    static Map<Part, String[]> all() {
        Map<Part, String[]> words = new EnumMap<>(Part.class);
        words.put(Part.OPENER, new String[] {
            "In short,", "First,", "Then", "After that,", "In practice,", "For example,", "Usually", "Most of the time,",
            "As a result,", "This way", "On a busy day,", "At the same time,", "Finally,", "In most cases,"});
        words.put(Part.SUBJECT, new String[] {
            "the client", "each request", "the answer", "a streaming reply", "the service", "this setup",
            "your application", "the model", "the first token", "every chunk", "the worker", "a short prompt",
            "the local stack", "the test suite", "the browser", "the gateway", "a good design", "the simple version",
            "the history page", "each user"});
        words.put(Part.ADVERB, new String[] {"usually", "always", "simply", "also", "quickly", "still", "often"});
        words.put(Part.VERB, new String[] {
            "sends", "returns", "keeps", "shows", "reads", "checks", "starts", "builds", "needs", "uses", "handles",
            "stores", "receives", "follows", "explains", "repeats", "measures", "protects", "splits", "joins"});
        words.put(Part.OBJECT, new String[] {
            "the full answer", "a small table", "each line", "the same text", "a clear result", "every step",
            "the next token", "its own state", "a simple list", "the right order", "the final message",
            "a few examples", "the whole conversation", "one request at a time", "the first prompt", "the API key",
            "a retry budget", "the error message", "the session list", "every new token"});
        words.put(Part.TAIL, new String[] {
            "in a few seconds", "without extra work", "for every user", "as soon as it can", "on a single machine",
            "in the same order", "before the answer ends", "with very little code", "while the page stays responsive",
            "at a steady pace", "after a short pause", "when the network is slow"});
        words.put(Part.CONJUNCTION, new String[] {"and", "so", "while", "because", "but"});
        words.put(Part.THINKING_OPENER, new String[] {
            "Let me think about what is being asked.", "Okay, let me work through this step by step.",
            "First, I need to understand the question.", "Hmm, there are a few parts to this.",
            "Let me start with the simplest case."});
        words.put(Part.HEADING, new String[] {
            "Getting started", "How it works", "A closer look", "Step by step", "Key points", "Common pitfalls",
            "Configuration", "Performance notes", "Next steps", "Comparison", "Why it matters", "Putting it together"});
        words.put(Part.KEY, new String[] {
            "Streaming", "Retries", "Timeouts", "Caching", "Logging", "Security", "Testing", "Scaling", "Ordering",
            "Backpressure", "History", "Limits"});
        words.put(Part.STEP_VERB, new String[] {
            "open", "install", "configure", "start", "send", "check", "watch", "save", "restart", "compare", "read",
            "stop"});
        words.put(Part.CODE_LEAD_IN, new String[] {
            "Here is a short example:", "A minimal version looks like this:", "In code, it looks like this:",
            "You can try it with a few lines:"});
        words.put(Part.LINK_LEAD_IN, new String[] {
            "For more details, see", "You can read more in", "The full reference is in", "A good next read is"});
        words.put(Part.LINK, new String[] {
            "the streaming guide|docs/streaming-guide", "the API reference|docs/api-reference",
            "this short tutorial|tutorials/first-steps", "the configuration page|docs/configuration",
            "the troubleshooting notes|docs/troubleshooting"});
        words.put(Part.TABLE_HEADER, new String[] {"Setting|Default|Effect", "Option|Value|Notes", "Name|Typical|Why"});
        words.put(Part.SETTING, new String[] {
            "timeout|30 s", "retries|3", "chunk size|64 KB", "compression|off", "pool size|16", "log level|info",
            "max tokens|4096", "temperature|0.7", "first token delay|500 ms", "keep alive|on"});
        return words;
    }
}
