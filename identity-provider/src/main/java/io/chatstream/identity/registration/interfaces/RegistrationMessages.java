package io.chatstream.identity.registration.interfaces;

import io.chatstream.identity.registration.domain.RegistrationProblem;
import io.chatstream.identity.registration.domain.RegistrationRules;
import java.util.List;

/** The registration page's words for each refusal, in English with the Chinese beside it. */
final class RegistrationMessages {

    private RegistrationMessages() {
    }

    static List<String> of(List<RegistrationProblem> problems, int minPasswordLength) {
        return problems.stream().map(problem -> of(problem, minPasswordLength)).toList();
    }

    static String of(RegistrationProblem problem, int minPasswordLength) {
        return switch (problem) {
            case USERNAME_LENGTH -> "The username must have " + RegistrationRules.MIN_USERNAME_LENGTH + " to "
                    + RegistrationRules.MAX_USERNAME_LENGTH + " characters. · 用户名须为 "
                    + RegistrationRules.MIN_USERNAME_LENGTH + " 到 " + RegistrationRules.MAX_USERNAME_LENGTH + " 个字符。";
            case USERNAME_CHARACTERS -> "The username may use only letters A–Z, digits and . _ @ - · "
                    + "用户名只能包含英文字母、数字和 . _ @ -";
            case PASSWORD_TOO_SHORT -> "The password must have at least " + minPasswordLength + " characters. · 密码至少需要 "
                    + minPasswordLength + " 个字符。";
            case PASSWORD_TOO_LONG -> "The password is too long: at most " + RegistrationRules.MAX_PASSWORD_BYTES
                    + " bytes (" + RegistrationRules.MAX_PASSWORD_BYTES + " Latin letters). · 密码过长：最多 "
                    + RegistrationRules.MAX_PASSWORD_BYTES + " 字节。";
            case PASSWORDS_DIFFER -> "The two passwords differ. · 两次输入的密码不一致。";
            case USERNAME_TAKEN -> "This username is taken; choose another one. · 该用户名已被占用，请换一个。";
        };
    }
}
