package io.chatstream.localstack;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli refused in two lines, never a stack trace: what is wrong (naming the
 * option and the form it takes), then the synopsis and where the full help is; a mistyped option name
 * also gets picocli's suggestions. Exits with the command's invalid-input code (2).
 */
final class ShortUsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println(line.getHelp().fullSynopsis().strip() + "   (--help lists every option)");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
