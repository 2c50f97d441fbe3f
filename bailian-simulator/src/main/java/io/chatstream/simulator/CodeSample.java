package io.chatstream.simulator;

import io.chatstream.simulator.Phrasebook.Part;
import java.util.List;
import java.util.Random;

/**
 * A few lines of client code for a fenced block: a comment in the answer's language, then calls of
 * an imaginary chat client. No line holds a backtick, so the fence always closes where it should.
 *
 * @param language the fence's info string
 * @param lines    the code, without line breaks
 */
record CodeSample(String language, List<String> lines) {

    private static final String URL = "http://localhost:8080";

    static CodeSample pick(Random random, Phrasebook book) {
        String comment = book.step(random);
        String prompt = book.written(book.pick(random, Part.OBJECT));
        boolean streaming = random.nextBoolean();
        return switch (random.nextInt(3)) {
            case 0 -> new CodeSample("java", streaming
                    ? List.of("// " + comment, "var client = ChatClient.connect(\"" + URL + "\");",
                            "client.stream(\"" + prompt + "\", token -> System.out.print(token));")
                    : List.of("// " + comment, "var client = ChatClient.connect(\"" + URL + "\");",
                            "String answer = client.ask(\"" + prompt + "\");", "System.out.println(answer);"));
            case 1 -> new CodeSample("python", streaming
                    ? List.of("# " + comment, "client = ChatClient(\"" + URL + "\")",
                            "for token in client.stream(\"" + prompt + "\"):", "    print(token, end=\"\")")
                    : List.of("# " + comment, "client = ChatClient(\"" + URL + "\")",
                            "print(client.ask(\"" + prompt + "\"))"));
            default -> new CodeSample("bash", List.of("# " + comment,
                    "curl -N " + URL + "/api/chat/stream \\", "  -H \"Authorization: Bearer $TOKEN\""));
        };
    }
}
